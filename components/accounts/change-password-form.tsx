"use client";

import { startTransition, useActionState, useEffect, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordSchema, type ChangePasswordState } from "@/lib/validation/accounts";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/ui/form-message";
import { NewPasswordFields } from "./new-password-fields";

export interface ChangePasswordFormProps {
  /** The `changePasswordAction` server action. */
  action: (state: ChangePasswordState, formData: FormData) => Promise<ChangePasswordState>;
  /** Shown until the next attempt: the page was reached after a successful change. */
  notice?: string | null;
}

/** Current password, then the new one twice. Cleared after a success; passwords never come back from the server. */
export function ChangePasswordForm({ action, notice }: ChangePasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm({ resolver: zodResolver(changePasswordSchema), defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });

  useEffect(() => {
    if (state.ok === true) reset();
  }, [state, reset]);

  const server: Partial<Record<string, string[]>> = state.ok === false ? state.fieldErrors : {};
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-label="Change password">
      <FormMessage
        testId="change-password-message"
        error={state.ok === false && !pending ? state.formError : null}
        success={pending ? null : state.ok === true ? state.message : state.ok === null ? notice : null}
      />
      <Field label="Current password" id="password-current" error={errors.currentPassword?.message ?? server.currentPassword}>
        <Input type="password" autoComplete="current-password" required {...register("currentPassword")} />
      </Field>
      <NewPasswordFields
        idPrefix="password"
        fields={{ newPassword: register("newPassword"), confirmPassword: register("confirmPassword") }}
        errors={{ newPassword: errors.newPassword?.message ?? server.newPassword, confirmPassword: errors.confirmPassword?.message ?? server.confirmPassword }}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
