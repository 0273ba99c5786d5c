"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signInSchema, type SignInInput } from "@/lib/validation/sign-in";
import type { ActionState } from "@/lib/validation/action-state";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { EmailInput } from "./email-input";
import { FooterLink } from "./footer-link";
import { Input } from "@/components/ui/input";

export type SignInFormState = ActionState<Pick<SignInInput, "email">>;

export interface SignInFormProps {
  /** The `signInAction` server action. */
  action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState>;
  /** Where to go after signing in (checked again on the server). */
  from?: string;
}

/**
 * Validates in the browser with the shared zod schema, then submits the real form to the server
 * action. Without JavaScript the form posts straight to the action.
 */
export function SignInForm({ action, from }: SignInFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: state.values?.email ?? "", password: "" },
  });

  const serverErrors: Partial<Record<string, string[]>> = state.ok === false ? state.fieldErrors : {};
  const emailError = errors.email?.message ?? serverErrors.email;
  const passwordError = errors.password?.message ?? serverErrors.password;
  // Hidden while a new attempt runs, so the same message is announced again when it comes back.
  const formError = state.ok === false && !pending ? state.formError : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="from" value={from ?? ""} />

      <div aria-live="polite" aria-atomic="true">
        {formError ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>

      <Field label="E-mail" id="email" error={emailError}>
        <EmailInput defaultValue={state.values?.email} {...register("email")} />
      </Field>

      <Field label="Password" id="password" error={passwordError}>
        <Input type="password" autoComplete="current-password" required {...register("password")} />
      </Field>

      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>

      <FooterLink href="/forgot-password">Forgot password?</FooterLink>
    </form>
  );
}
