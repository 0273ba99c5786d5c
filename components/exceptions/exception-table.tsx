"use client";

import { RowLink } from "@/components/ui/row-link";
import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Num } from "@/components/ui/num";
import { Table, TBody, TD, TH, TR, HeadRow, numeric } from "@/components/ui/table";
import type { StaffExceptionRow } from "@/lib/dal/exceptions/list-exceptions";
import type { FormState } from "@/lib/validation/action-state";
import { EXCEPTION_STATUSES, REASON_LABELS, STATUS_LABELS } from "@/lib/validation/exceptions";
import { useFormatter } from "@/components/format/format-provider";
import { FormMessage } from "./form-message";
import { StatusBadge } from "./status-badge";

type State = FormState;

export interface ExceptionTableProps {
  rows: StaffExceptionRow[];
  staff: { id: string; name: string; email: string }[];
  bulkAction: (state: State, fd: FormData) => Promise<State>;
  canWork: boolean;
}

/** Dense list with checkboxes; the bar above assigns or moves the selected exceptions at once. */
export function ExceptionTable({ rows, staff, bulkAction, canWork }: ExceptionTableProps) {
  const fmt = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [state, formAction, pending] = useActionState(bulkAction, { ok: null });
  // After a successful change, clear the selection (adjusting state during render, not in an effect).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setSelected(new Set());
  }
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <div className="space-y-2">
      {canWork ? (
        <form action={formAction} aria-label="Bulk change" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
          {[...selected].map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <p className="mr-2 self-center text-sm text-slate-700" aria-live="polite">
            <span className="font-semibold tabular-nums">{selected.size}</span> selected
          </p>
          <label className="text-xs font-medium text-slate-700">
            Assign to
            <Select name="owner" defaultValue="" className="mt-1 h-8 w-56">
              <option value="">(keep owner)</option>
              <option value="none">Nobody (unassign)</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </label>
          <label className="text-xs font-medium text-slate-700">
            Set status
            <Select name="status" defaultValue="" className="mt-1 h-8 w-44">
              <option value="">(keep status)</option>
              {EXCEPTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </label>
          <Button type="submit" size="sm" disabled={selected.size === 0} pending={pending} className="h-8">
            Apply to selected
          </Button>
          <FormMessage state={state} className="w-full empty:hidden" />
        </form>
      ) : null}

      <Table label="Exceptions" stickyHeader maxHeight="65vh">
        <HeadRow
          columns={[
            canWork && (
              <TH className="w-8">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  className="size-4 rounded border-slate-400"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </TH>
            ),
            ...["Distributor", "SKU", "Period", "Status", "Reason", "Owner"],
            ...["Calculated", "Reported", "Gap", "Gap %"].map(numeric),
            "Activity",
          ]}
        />
        <TBody>
          {rows.map((r) => (
            <TR key={r.id} selected={selected.has(r.id)} data-testid="exception-row">
              {canWork ? (
                <TD className="py-1.5">
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.distributor} ${r.sku} ${r.period}`}
                    className="size-4 rounded border-slate-400"
                    checked={selected.has(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                </TD>
              ) : null}
              <TD className="py-1.5" title={r.distributorName}>
                {r.distributor}
              </TD>
              <TD className="py-1.5">
                <RowLink href={`/exceptions/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                  {r.sku}
                </RowLink>
              </TD>
              <TD className="py-1.5 whitespace-nowrap">{fmt.period(r.period)}</TD>
              <TD className="py-1.5">
                <StatusBadge status={r.status} resolution={r.resolution} />
              </TD>
              <TD className="py-1.5 whitespace-nowrap">{r.reason ? REASON_LABELS[r.reason] : <span className="text-slate-500">—</span>}</TD>
              <TD className="py-1.5 whitespace-nowrap">{r.owner ? r.owner.name : <span className="text-slate-500">Unassigned</span>}</TD>
              <TD numeric className="py-1.5">
                <Num value={r.calculated} />
              </TD>
              <TD numeric className="py-1.5">
                <Num value={r.reported} />
              </TD>
              <TD numeric className="py-1.5 font-semibold">
                <Num value={r.gap} signed />
              </TD>
              <TD numeric className="py-1.5">
                <Num value={r.gapPct == null ? null : r.gapPct / 100} pct signed />
              </TD>
              <TD className="py-1.5">
                <div className="flex flex-wrap gap-1">
                  {r.answered ? <Badge tone="blue">Answered</Badge> : null}
                  {r.pendingCorrections ? <Badge tone="amber">{r.pendingCorrections} to approve</Badge> : null}
                  {r.automatic ? <Badge>Auto</Badge> : null}
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
