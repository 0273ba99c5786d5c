"use client";

import { useActionState, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import type { RevokeTokenAction } from "@/lib/validation/tokens";

/** Revoke with a confirm step; anything using the token stops working at once. */
export function RevokeToken({ id, name, action }: { id: string; name: string; action: RevokeTokenAction }) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const groupId = `revoke-${id}`;

  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  function cancel() {
    setConfirming(false);
    trigger.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    }
  }

  const error = state.ok === false && !pending ? state.formError : undefined;

  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        ref={trigger}
        variant="secondary"
        size="sm"
        aria-expanded={confirming}
        aria-controls={confirming ? groupId : undefined}
        onClick={() => setConfirming((c) => !c)}
      >
        Revoke<span className="sr-only"> {name}</span>
      </Button>
      {confirming ? (
        <div
          id={groupId}
          role="group"
          aria-label={`Confirm revoking ${name}`}
          onKeyDown={onKeyDown}
          className="w-72 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-left"
        >
          <p className="text-xs text-red-900">
            Revoke “{name}”? Anything that uses it gets 401 from now on. This cannot be undone.
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" size="sm" onClick={cancel}>
              Cancel
            </Button>
            <form action={formAction}>
              <input type="hidden" name="id" value={id} />
              <Button ref={confirm} type="submit" variant="danger" size="sm" pending={pending}>
                {pending ? "Revoking…" : "Revoke token"}
              </Button>
            </form>
          </div>
        </div>
      ) : null}
      <div aria-live="polite" className="text-xs text-red-700">
        {error ?? null}
      </div>
    </div>
  );
}
