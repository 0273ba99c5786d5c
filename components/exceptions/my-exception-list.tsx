"use client";

import { RowLink } from "@/components/ui/row-link";
import { useActionState, useState } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Num } from "@/components/ui/num";
import type { PartnerExceptionRow } from "@/lib/dal/exceptions/list-exceptions";
import type { FormState } from "@/lib/validation/action-state";
import { EXCEPTION_REASONS, REASON_LABELS } from "@/lib/validation/exceptions";
import { FormMessage } from "./form-message";
import { PeriodText } from "@/components/format/text";
import { StatusBadge } from "./status-badge";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export interface MyExceptionListProps {
  rows: PartnerExceptionRow[];
  selectedId: string | null;
  /** The list's own filter, kept in the row links. */
  status: "open" | "all";
  bulkAction: Action;
}

/**
 * The distributor's exceptions, one compact row each: the row's link opens it in the side panel;
 * ticking several and choosing their common cause answers them all at once.
 */
export function MyExceptionList({ rows, selectedId, status, bulkAction }: MyExceptionListProps) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [state, formAction, pending] = useActionState(bulkAction, { ok: null });
  const toggle = (id: string) =>
    setTicked((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allTicked = rows.length > 0 && rows.every((r) => ticked.has(r.id));
  const fe = state.ok === false ? state.fieldErrors : {};

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        <table className="min-w-full border-separate border-spacing-0 text-sm tabular-nums" aria-label="Your exceptions">
          <thead>
            <tr className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
              <th scope="col" className="w-8 border-b border-slate-200 px-2 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  className="size-3.5 accent-indigo-600"
                  checked={allTicked}
                  onChange={() => setTicked(allTicked ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
              <th scope="col" className="border-b border-slate-200 px-2 py-2">SKU · period</th>
              <th scope="col" className="border-b border-slate-200 px-2 py-2 text-right">Ours</th>
              <th scope="col" className="border-b border-slate-200 px-2 py-2 text-right">Yours</th>
              <th scope="col" className="border-b border-slate-200 px-2 py-2 text-right">Gap</th>
              <th scope="col" className="border-b border-slate-200 px-2 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const current = r.id === selectedId;
              return (
                <tr key={r.id} data-testid="my-exception-row" aria-current={current ? "true" : undefined} className={clsx(current ? "bg-indigo-50" : "even:bg-slate-50/60")}>
                  <td className="border-b border-slate-100 px-2 py-1.5">
                    <input type="checkbox" aria-label={`Select ${r.sku} ${r.period}`} className="size-3.5 accent-indigo-600" checked={ticked.has(r.id)} onChange={() => toggle(r.id)} />
                  </td>
                  <td className="border-b border-slate-100 px-2 py-1.5">
                    <RowLink href={`/my-exceptions?status=${status}&id=${r.id}`} scroll={false} className="font-medium text-indigo-700 hover:underline">
                      {r.sku}
                    </RowLink>
                    <span className="ml-2 text-xs text-slate-600">
                      <PeriodText period={r.period} />
                    </span>
                    {r.answered ? <span className="ml-2 text-xs text-emerald-800">answered</span> : null}
                  </td>
                  <td className="border-b border-slate-100 px-2 py-1.5 text-right">
                    <Num value={r.calculated} align="inherit" />
                  </td>
                  <td className="border-b border-slate-100 px-2 py-1.5 text-right">
                    <Num value={r.reported} align="inherit" />
                  </td>
                  <td className="border-b border-slate-100 px-2 py-1.5 text-right font-semibold">
                    <Num value={r.gap} signed align="inherit" />
                  </td>
                  <td className="border-b border-slate-100 px-2 py-1.5">
                    <StatusBadge status={r.status} resolution={r.resolution} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {ticked.size ? (
        <form action={formAction} aria-label="Answer the selected exceptions" className="space-y-2 rounded-lg border border-indigo-200 bg-indigo-50 p-3">
          {[...ticked].map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <p className="text-sm font-medium text-indigo-950">
            One answer for {ticked.size} exception{ticked.size === 1 ? "" : "s"} with the same cause
          </p>
          <div className="flex flex-wrap items-start gap-2">
            <label className="text-xs font-medium text-slate-700">
              Cause
              <Select name="cause" required defaultValue="" className="mt-1 h-8 w-48" aria-invalid={fe.cause ? true : undefined}>
                <option value="" disabled>
                  Choose…
                </option>
                {EXCEPTION_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {REASON_LABELS[r]}
                  </option>
                ))}
              </Select>
            </label>
            <label className="min-w-64 flex-1 text-xs font-medium text-slate-700">
              What happened (optional)
              <Input name="body" maxLength={4000} className="mt-1 h-8" placeholder="e.g. moved to our Reno branch on the 28th" />
            </label>
            <Button type="submit" size="sm" className="mt-5" pending={pending}>
              Send to {ticked.size}
            </Button>
          </div>
          <FormMessage state={state} className="empty:hidden" />
        </form>
      ) : null}
    </div>
  );
}
