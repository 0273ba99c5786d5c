"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import type { UserActiveState } from "@/lib/validation/admin";
import { Button } from "@/components/ui/button";


export interface UserActiveToggleProps {
  email: string;
  active: boolean;
  /** The user's version when the page was drawn: another admin's change since is not overwritten. */
  version: number;
  action: (s: UserActiveState, fd: FormData) => Promise<UserActiveState>;
}

/** Deactivate (after a confirmation step) or reactivate a user. Deactivation ends their sessions and tokens at once. */
export function UserActiveToggle({ email, active, version, action }: UserActiveToggleProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  function send(nextActive: boolean) {
    const fd = new FormData();
    fd.set("email", email);
    fd.set("active", String(nextActive));
    fd.set("version", String(version));
    startTransition(() => formAction(fd));
    setConfirming(false);
  }

  const error = state.ok === false && !pending ? state.formError : null;

  return (
    <div className="flex flex-col items-end gap-1">
      {active && confirming ? (
        <div role="group" aria-label={`Confirm deactivating ${email}`} className="flex items-center gap-2">
          <span className="text-xs text-slate-700">Sign-ins and API tokens stop at once.</span>
          <Button size="sm" variant="danger" onClick={() => send(false)}>
            Confirm deactivation
          </Button>
          <Button
            ref={cancelRef}
            size="sm"
            variant="ghost"
            onClick={() => {
              setConfirming(false);
              triggerRef.current?.focus();
            }}
          >
            Cancel
          </Button>
        </div>
      ) : active ? (
        <Button ref={triggerRef} size="sm" variant="secondary" pending={pending} onClick={() => setConfirming(true)} aria-label={`Deactivate ${email}`}>
          Deactivate
        </Button>
      ) : (
        <Button size="sm" variant="secondary" pending={pending} onClick={() => send(true)} aria-label={`Reactivate ${email}`}>
          Reactivate
        </Button>
      )}
      <div aria-live="polite">{error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}</div>
    </div>
  );
}
