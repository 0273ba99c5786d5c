"use client";

import { RowLink } from "@/components/ui/row-link";
import { useActionState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Num } from "@/components/ui/num";
import type { ApprovalRow } from "@/lib/dal/corrections/approval-queue";
import type { FormState } from "@/lib/validation/action-state";
import { CORRECTION_TYPE_LABELS } from "@/lib/validation/exceptions";
import { PeriodText } from "@/components/format/text";
import { FormMessage } from "./form-message";
import { formatTime } from "./format";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

const signed = (n: number) => `${n > 0 ? "+" : "\u2212"}${Math.abs(n)}`;

type ItemProps = { row: ApprovalRow; canApprove: boolean; formAction: (fd: FormData) => void; pending: boolean };

function QueueItem({ row, canApprove, formAction, pending }: ItemProps) {
  const title = `${row.distributor} × ${row.sku} · ${row.period}`;
  return (
    <li id={`correction-${row.correctionId}`} data-testid="approval-item" className="grid gap-3 px-4 py-3 lg:grid-cols-[minmax(0,1fr)_auto] lg:items-center">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-base font-semibold text-slate-900 tabular-nums">{signed(row.signed)}</span>
          <RowLink href={`/exceptions/${row.exceptionId}`} className="font-medium text-indigo-700 hover:underline">
            {row.distributor} × {row.sku} · <PeriodText period={row.period} />
          </RowLink>
          <span className="text-xs text-slate-600">{CORRECTION_TYPE_LABELS[row.kind as keyof typeof CORRECTION_TYPE_LABELS] ?? row.kind}</span>
          {row.mine ? <Badge tone="amber">yours</Badge> : null}
        </p>
        <p className="text-sm text-slate-800">{row.reason}</p>
        <p className="text-xs text-slate-600">
          {row.distributorName} — {row.description} · proposed by {row.proposedBy.name}, <time dateTime={row.proposedAt}>{formatTime(row.proposedAt)}</time>
        </p>
        <p className="text-xs text-slate-700 tabular-nums" data-testid="approval-gap">
          Gap now <Num value={row.gap} signed align="inherit" /> → after approval <Num value={row.gapAfter} signed align="inherit" />
          {row.calculated !== null ? (
            <>
              {" "}
              (calculated <Num value={row.calculated} align="inherit" /> → <Num value={row.calculated + row.signed} align="inherit" />, reported <Num value={row.reported} align="inherit" />)
            </>
          ) : null}
        </p>
      </div>
      {canApprove ? (
        <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Decide on ${signed(row.signed)} for ${title}`}>
          <input type="hidden" name="exceptionId" value={row.exceptionId} />
          <input type="hidden" name="correctionId" value={row.correctionId} />
          <Input name="note" aria-label={`Note on ${title} (optional)`} placeholder="Note (optional)" maxLength={1000} className="w-48" />
          {row.mine ? (
            <Button type="submit" name="decision" value="reject" size="sm" variant="ghost" pending={pending}>
              Withdraw
            </Button>
          ) : (
            <>
              <Button type="submit" name="decision" value="approve" size="sm" pending={pending}>
                Approve {signed(row.signed)}
              </Button>
              <Button type="submit" name="decision" value="reject" size="sm" variant="secondary" disabled={pending}>
                Reject
              </Button>
            </>
          )}
        </form>
      ) : null}
    </li>
  );
}

/**
 * Corrections waiting for a second person; approving or rejecting is one action (a note is optional).
 * One decision state for the list: its message stays after the decided correction leaves the queue.
 */
export function ApprovalQueue({ rows, canApprove, action, empty }: { rows: ApprovalRow[]; canApprove: boolean; action: Action; empty?: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  return (
    <div>
      <FormMessage state={state} className="px-4 pt-3 empty:hidden" />
      {rows.length ? (
        <ul className="divide-y divide-slate-100" aria-label="Corrections to approve">
          {rows.map((r) => (
            <QueueItem key={r.correctionId} row={r} canApprove={canApprove} formAction={formAction} pending={pending} />
          ))}
        </ul>
      ) : (
        empty
      )}
    </div>
  );
}
