"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { forgotPasswordSchema, type ForgotPasswordState } from "@/lib/validation/accounts";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { EmailInput } from "@/components/auth/email-input";
import { FooterLink } from "@/components/auth/footer-link";
import { FormMessage } from "@/components/ui/form-message";

export interface ForgotPasswordFormProps {
  /** The `forgotPasswordAction` server action. */
  action: (state: ForgotPasswordState, formData: FormData) => Promise<ForgotPasswordState>;
}

/** Asks for the e-mail address; the answer is the same whether or not it has an account. */
export function ForgotPasswordForm({ action }: ForgotPasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: state.values?.email ?? "" } });

  const server: Partial<Record<string, string[]>> = state.ok === false ? state.fieldErrors : {};
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Reset your password">
      <div>
        <h2 className="text-base font-semibold text-slate-900">Forgot your password?</h2>
        <p className="mt-1 text-sm text-slate-600">Enter the e-mail address you sign in with. We will send a link to choose a new password.</p>
      </div>

      <FormMessage
        testId="forgot-password-message"
        error={state.ok === false && !pending ? state.formError : null}
        success={state.ok === true && !pending ? state.message : null}
      />

      <Field label="E-mail" id="email" error={errors.email?.message ?? server.email}>
        <EmailInput defaultValue={state.values?.email} {...register("email")} />
      </Field>

      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Sending…" : "Send reset link"}
      </Button>

      <FooterLink href="/sign-in">Back to sign in</FooterLink>
    </form>
  );
}
