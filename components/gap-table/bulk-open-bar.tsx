"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/validation/action-state";

/** Shown above the gap table while rows are selected: open exceptions on all of them at once. */
export function BulkOpenBar({
  action,
  period,
  selected,
  onClear,
}: {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  period: string;
  selected: ReadonlySet<string>;
  onClear: () => void;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const message = state.ok === false ? state.formError : state.ok ? state.message : null;
  return (
    <form action={formAction} aria-label="Selected rows" className="flex flex-wrap items-center gap-3 border-b border-indigo-200 bg-indigo-50 px-3 py-2 text-sm">
      {[...selected].map((key) => {
        const [distributor, ...sku] = key.split("|");
        return <input key={key} type="hidden" name="row" value={`${distributor}|${period}|${sku.join("|")}`} />;
      })}
      <span className="font-medium text-indigo-950">
        {selected.size} row{selected.size === 1 ? "" : "s"} selected
      </span>
      <Button type="submit" size="sm" pending={pending}>
        Open exceptions
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
      <span role={state.ok === false ? "alert" : "status"} className={state.ok === false ? "text-red-800" : "text-emerald-800"}>
        {message}
      </span>
    </form>
  );
}
