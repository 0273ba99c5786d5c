"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createTokenSchema } from "@/lib/validation/tokens";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NewTokenSecret } from "./new-token-secret";
import type { CreateTokenAction, CreateTokenState } from "@/lib/validation/tokens";

/**
 * Creates an API token: validated in the browser with the shared zod schema, then by the server
 * action. The new secret is shown once, from the action's answer only; it is never rendered again.
 */
export function CreateTokenPanel({ action }: { action: CreateTokenAction }) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.ok === true && state.data ? state.data : null;

  return (
    <div className="space-y-4">
      {created && created.id !== dismissed ? <NewTokenSecret token={created} onDone={() => setDismissed(created.id)} /> : null}
      {/* A new key after each token clears the form. */}
      <CreateTokenForm key={created?.id ?? "new"} state={state} formAction={formAction} pending={pending} />
    </div>
  );
}

function CreateTokenForm({
  state,
  formAction,
  pending,
}: {
  state: CreateTokenState;
  formAction: (formData: FormData) => void;
  pending: boolean;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(createTokenSchema),
    defaultValues: { name: state.ok === false ? (state.values?.name ?? "") : "" },
  });

  const serverErrors = state.ok === false ? state.fieldErrors : {};
  const nameError = errors.name?.message ?? serverErrors.name;
  const formError = state.ok === false && !pending ? state.formError : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Create an API token">
      <div aria-live="polite" aria-atomic="true">
        {formError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label="Token name"
          id="token-name"
          hint="What will use it, e.g. “ERP nightly export”."
          error={nameError}
          className="w-full max-w-sm"
        >
          <Input autoComplete="off" maxLength={100} required {...register("name")} />
        </Field>
        <Button type="submit" pending={pending} className="sm:mt-6">
          {pending ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}
