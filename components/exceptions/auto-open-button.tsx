"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/validation/action-state";
import { FormMessage } from "./form-message";

type State = FormState;

/** Runs automatic opening for a period now (it also runs whenever staff list a period). */
export function AutoOpenButton({ action, period }: { action: (s: State, fd: FormData) => Promise<State>; period: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="period" value={period} />
      <Button type="submit" variant="secondary" pending={pending}>
        Open exceptions above thresholds
      </Button>
      <FormMessage state={state} className="max-w-sm empty:hidden" />
    </form>
  );
}
