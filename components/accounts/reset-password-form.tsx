"use client";

import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { resetPasswordSchema, type ResetPasswordState } from "@/lib/validation/accounts";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { NewPasswordFields } from "./new-password-fields";

export interface ResetPasswordFormProps {
  /** The `resetPasswordAction` server action. */
  action: (state: ResetPasswordState, formData: FormData) => Promise<ResetPasswordState>;
  token: string;
}

/** Chooses the new password through a reset link; on success, a way to sign in with it. */
export function ResetPasswordForm({ action, token }: ResetPasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, newPassword: "", confirmPassword: "" } });

  if (state.ok === true) {
    return (
      <div className="space-y-4">
        <FormMessage testId="reset-password-message" success={state.message} />
        <Link href="/sign-in" className={buttonClasses({ className: "w-full" })}>
          Sign in
        </Link>
      </div>
    );
  }

  const server: Partial<Record<string, string[]>> = state.ok === false ? state.fieldErrors : {};
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Choose a new password">
      <div>
        <h2 className="text-base font-semibold text-slate-900">Choose a new password</h2>
        <p className="mt-1 text-sm text-slate-600">Setting it signs your account out everywhere.</p>
      </div>
      <input type="hidden" value={token} {...register("token")} />
      <FormMessage testId="reset-password-message" error={state.ok === false && !pending ? state.formError : null} />
      <NewPasswordFields
        idPrefix="reset"
        fields={{ newPassword: register("newPassword"), confirmPassword: register("confirmPassword") }}
        errors={{ newPassword: errors.newPassword?.message ?? server.newPassword, confirmPassword: errors.confirmPassword?.message ?? server.confirmPassword }}
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
