"use client";

import { useActionState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createUserSchema } from "@/lib/validation/admin";
import type { UserFormState } from "@/lib/validation/admin";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { DistributorOptions } from "@/components/ui/value-options";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "./use-action-form";


const ROLE_OPTIONS = [
  ["distributor", "Distributor user"],
  ["channel_manager", "Channel manager"],
  ["rebate_analyst", "Rebate analyst"],
  ["admin", "Admin"],
] as const;

const blank = (v: unknown) => (v === "" ? undefined : v);

export interface UserFormProps {
  action: (s: UserFormState, fd: FormData) => Promise<UserFormState>;
  distributors: { code: string; name: string }[];
}

/** New user. The distributor select appears only for distributor users; the password is never echoed back. */
export function UserForm({ action, distributors }: UserFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const form = useForm({
    resolver: zodResolver(createUserSchema),
    shouldUnregister: true,
    defaultValues: { email: "", name: "", role: "distributor", distributorCode: undefined, password: "" },
  });
  const { register, control } = form;
  const role = useWatch({ control, name: "role" });

  const { err, onSubmit } = useActionForm(form, state, formAction, "email");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New user">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="E-mail" id="user-email" error={err("email")}>
          <Input type="email" autoComplete="off" inputMode="email" autoCapitalize="none" spellCheck={false} {...register("email")} />
        </Field>
        <Field label="Name" id="user-name" error={err("name")}>
          <Input autoComplete="off" {...register("name")} />
        </Field>
        <Field label="Role" id="user-role" error={err("role")}>
          <Select {...register("role")}>
            {ROLE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        {role === "distributor" ? (
          <Field label="Distributor" id="user-distributor" error={err("distributorCode")}>
            <Select {...register("distributorCode", { setValueAs: blank })}>
              <option value="">Choose a distributor…</option>
              <DistributorOptions distributors={distributors} />
            </Select>
          </Field>
        ) : (
          <div />
        )}
        <Field label="Initial password" id="user-password" hint="At least 12 characters; share it securely, the user can change it." error={err("password")}>
          <Input type="password" autoComplete="new-password" {...register("password")} />
        </Field>
      </div>
      <FormMessage
        error={state.ok === false && !pending ? state.formError : null}
        success={state.ok === true && state.data ? `User ${state.data.email} created.` : null}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}
