"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN } from "@/lib/validation/accounts";

type Message = string | string[] | undefined;

/** "New password" and "Repeat new password", shared by the reset and change-password forms. */
export function NewPasswordFields({
  fields,
  errors,
  idPrefix,
}: {
  /** `register("newPassword")`, `register("confirmPassword")` of the form. */
  fields: { newPassword: UseFormRegisterReturn; confirmPassword: UseFormRegisterReturn };
  errors: { newPassword?: Message; confirmPassword?: Message };
  idPrefix: string;
}) {
  return (
    <>
      <Field label="New password" id={`${idPrefix}-new`} hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`} error={errors.newPassword}>
        <Input type="password" autoComplete="new-password" required {...fields.newPassword} />
      </Field>
      <Field label="Repeat new password" id={`${idPrefix}-confirm`} error={errors.confirmPassword}>
        <Input type="password" autoComplete="new-password" required {...fields.confirmPassword} />
      </Field>
    </>
  );
}
