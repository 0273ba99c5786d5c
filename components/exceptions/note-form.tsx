"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { FormState } from "@/lib/validation/action-state";
import { FormMessage } from "./form-message";

type State = FormState;

export interface NoteFormProps {
  action: (state: State, fd: FormData) => Promise<State>;
  exceptionId: string;
  /** Staff may keep a note internal (not shown to the distributor). */
  allowInternal?: boolean;
  label?: string;
  submitLabel?: string;
  placeholder?: string;
}

export function NoteForm({ action, exceptionId, allowInternal = false, label = "Add a note", submitLabel = "Add note", placeholder }: NoteFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const error = state.ok === false ? state.fieldErrors.body : undefined;
  return (
    <form ref={form} action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={exceptionId} />
      <Field label={label} error={error}>
        <Textarea name="body" required maxLength={4000} placeholder={placeholder} defaultValue={state.ok === false ? state.values?.body : undefined} />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {allowInternal ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="internal" className="size-4 rounded border-slate-400" />
            Internal (the distributor does not see it)
          </label>
        ) : (
          <span />
        )}
        <Button type="submit" size="sm" pending={pending}>
          {submitLabel}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
