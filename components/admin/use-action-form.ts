"use client";

import { startTransition, useEffect, type FormEvent } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionState } from "@/lib/validation/action-state";

/**
 * The bridge every admin "new …" form needs between react-hook-form (validates in the browser) and
 * its server action (validates again with the same schema): submit the real FormData once the
 * browser checks pass, show the browser's error for a field or else the server's, and clear the
 * form and focus its first field after a success.
 */
export function useActionForm<F extends FieldValues, S extends ActionState<Record<string, unknown>, unknown>>(
  form: UseFormReturn<F>,
  state: S,
  formAction: (fd: FormData) => void,
  firstField: Path<F>,
) {
  const {
    handleSubmit,
    reset,
    setFocus,
    formState: { errors },
  } = form;

  useEffect(() => {
    if (state.ok === true) {
      reset();
      setFocus(firstField);
    }
  }, [state, reset, setFocus, firstField]);

  const server: Partial<Record<string, string[]>> = state.ok === false ? state.fieldErrors : {};
  const err = (k: Path<F> & string): string | string[] | undefined => (errors[k]?.message as string | undefined) ?? server[k];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const el = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(el))))(event);
  }

  return { err, onSubmit };
}
