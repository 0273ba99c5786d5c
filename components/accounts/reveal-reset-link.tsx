"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/validation/action-state";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

type RevealState = ActionState<Record<string, never>, { link: string }>;

/** "Show the reset link" on a reset message in the outbox (admins; the server audits it). */
export function RevealResetLink({ id, action }: { id: string; action: (s: RevealState, fd: FormData) => Promise<RevealState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  if (state.ok === true && state.data) {
    return (
      <div className="space-y-1">
        <p className="text-xs text-slate-600">Reset link (works once, until it expires):</p>
        <p data-testid="reset-link" className="rounded-md bg-slate-50 px-3 py-2 font-mono text-xs break-all text-slate-900 ring-1 ring-slate-200">
          {state.data.link}
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <p className="text-xs text-slate-600">
        The link lets whoever opens it set this user&apos;s password. Show it only to pass it on to the user when no mail server is set up: showing it is
        recorded in the audit log, and a password set through a link you have seen counts as set by you (the two-person rule for corrections).
      </p>
      <FormMessage error={state.ok === false && !pending ? state.formError : null} />
      <Button type="submit" variant="secondary" pending={pending}>
        Show the reset link
      </Button>
    </form>
  );
}
