"use client";

import { useState, useTransition } from "react";
import { clsx } from "clsx";
import type { ComplianceBoard as Board, ComplianceCell, ComplianceRow } from "@/lib/dal/compliance/list-compliance";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, Input } from "@/components/ui/input";
import { Table, THead, TBody, TR, TH, TD } from "@/components/ui/table";
import { ActionMessage } from "@/components/ui/action-message";
import type { ActionState } from "@/lib/validation/action-state";
import { useFormatSettings } from "@/components/format/format-provider";
import { createFormatter, type Formatter } from "@/lib/format/formatter";

/** Deadlines and times in the manufacturer's zone (the board says which), in the user's locale (lib/format). */
function useBoardFormatter(timeZone: string): Formatter {
  return createFormatter({ locale: useFormatSettings().locale, timeZone });
}
/** The sticky first column (select + distributor) and the compact cells of the board. */
const FIRST_COL = "sticky left-0 z-[5] border-r border-r-slate-200 px-2!";
const CELL = "px-1.5! py-1.5!";

export const STATUS_LABELS: Record<ComplianceCell["status"], string> = {
  pending: "Pending",
  on_time: "On time",
  late: "Late",
  missing: "Missing",
  incomplete: "Incomplete",
};
const TONES: Record<ComplianceCell["status"], BadgeTone> = { pending: "neutral", on_time: "green", late: "amber", missing: "red", incomplete: "blue" };
const KIND_LABELS: Record<string, string> = { before: "before the due date", due_day: "on the due day", overdue: "overdue", manual: "manual" };

export function cellText(c: ComplianceCell): string {
  if (c.status === "late") return `Late ${c.daysLate}d`;
  if (c.status === "incomplete") return `Incomplete ${c.missingSkus}`;
  return STATUS_LABELS[c.status];
}

function cellTitle(c: ComplianceCell, f: Formatter): string {
  const lines = [`${f.period(c.period)}: ${STATUS_LABELS[c.status]}`, `Due ${f.dateTime(c.dueAt)}`];
  if (c.submittedAt) lines.push(`First submitted ${f.dateTime(c.submittedAt)}${c.daysLate ? ` (${c.daysLate} day${c.daysLate === 1 ? "" : "s"} late)` : ""}`);
  if (c.revisions > 1) lines.push(`${c.revisions} revisions`);
  if (c.quality !== null) lines.push(`Data quality ${c.quality}/100`);
  if (c.status === "incomplete") lines.push(`${c.missingSkus} SKU${c.missingSkus === 1 ? "" : "s"} with stock or sell-in left out`);
  if (c.reminders) lines.push(`Reminded ${c.reminders}× — last ${f.dateTime(c.lastRemindedAt!)} (${KIND_LABELS[c.lastReminderKind ?? ""] ?? c.lastReminderKind})`);
  return lines.join("\n");
}

/** One period of one distributor. `compact` (the board): no dot, and the quality and reminder marks under the badge. */
export function StatusCell({ cell, timeZone, compact = false }: { cell: ComplianceCell | undefined; timeZone: string; compact?: boolean }) {
  const f = useBoardFormatter(timeZone);
  if (!cell) return <span className="text-slate-500" title="No activity yet">—</span>;
  return (
    <span className={compact ? "flex flex-wrap items-center gap-x-1 leading-none" : "inline-flex items-center gap-1"} title={cellTitle(cell, f)} data-status={cell.status}>
      <Badge tone={TONES[cell.status]} dot={!compact} className={compact ? "px-1! text-[11px]!" : undefined}>
        {cellText(cell)}
      </Badge>
      {cell.quality !== null ? (
        <span className={`text-[11px] tabular-nums ${cell.quality < 90 ? "font-semibold text-amber-800" : "text-slate-500"}`} aria-label={`quality ${cell.quality} of 100`} data-testid="cell-quality">
          Q{cell.quality}
        </span>
      ) : null}
      {cell.reminders > 0 ? (
        <span className="text-xs text-slate-600" aria-label={`reminded ${cell.reminders} time${cell.reminders === 1 ? "" : "s"}`}>
          ✉{cell.reminders > 1 ? cell.reminders : ""}
        </span>
      ) : null}
    </span>
  );
}

type SortKey = "distributor" | "rate" | "avgDaysLate" | "latest" | "lastReminded";
const STATUS_ORDER: Record<string, number> = { missing: 0, late: 1, incomplete: 2, pending: 3, on_time: 4 };

export type RemindAction = (input: { distributors: string[]; period?: string; requestId: string }) => Promise<ActionState>;

export function ComplianceBoard({ board, canRemind, requestId, remindAction }: { board: Board; canRemind: boolean; requestId: string; remindAction: RemindAction }) {
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<string>("");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "distributor", dir: 1 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [remindPeriod, setRemindPeriod] = useState(board.to);
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const periods = board.periods.map((p) => p.period);
  const f = useBoardFormatter(board.timeZone);
  const latest = periods.at(-1);

  const rows = (() => {
    const q = query.trim().toLowerCase();
    const filtered = board.rows.filter(
      (r) =>
        (!q || r.distributor.toLowerCase().includes(q) || r.distributorName.toLowerCase().includes(q)) &&
        (!status || r.cells.some((c) => c.status === status)),
    );
    const val = (r: ComplianceRow): string | number => {
      switch (sort.key) {
        case "rate": return r.timelinessRate ?? -1;
        case "avgDaysLate": return r.avgDaysLate ?? -1;
        case "latest": return STATUS_ORDER[r.cells.find((c) => c.period === latest)?.status ?? ""] ?? 9;
        case "lastReminded": return r.lastRemindedAt ?? "";
        default: return r.distributor;
      }
    };
    return [...filtered].sort((a, b) => {
      const x = val(a);
      const y = val(b);
      return (x < y ? -1 : x > y ? 1 : a.distributor.localeCompare(b.distributor)) * sort.dir;
    });
  })();

  const toggleSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: 1 }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.dir === 1 ? "ascending" : "descending") : undefined);
  const sortButton = (key: SortKey, label: string) => (
    <button type="button" className="inline-flex items-center gap-1 hover:text-slate-900" onClick={() => toggleSort(key)}>
      {label}
      <span aria-hidden="true" className="text-slate-400">{sort.key === key ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
    </button>
  );

  const allVisibleSelected = rows.length > 0 && rows.every((r) => selected.has(r.distributor));
  const toggle = (code: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(code)) n.delete(code);
      else n.add(code);
      return n;
    });

  const remind = () => {
    const distributors = [...selected];
    startTransition(async () => {
      const r = await remindAction({ distributors, period: remindPeriod, requestId });
      setResult(r);
      if (r.ok) setSelected(new Set());
    });
  };

  return (
    <section aria-label="Compliance board" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <label className="text-xs font-medium text-slate-600">
          Distributor
          <Input className="mt-1 w-48" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Code or name" />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Status (in any period)
          <Select className="mt-1 w-44" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            {Object.entries(STATUS_LABELS).map(([k, v]) => (
              <option key={k} value={k}>{v}</option>
            ))}
          </Select>
        </label>
        {canRemind ? (
          <div className="ml-auto flex flex-wrap items-end gap-2">
            <label className="text-xs font-medium text-slate-600">
              Remind about
              <Select className="mt-1 w-32" value={remindPeriod} onChange={(e) => setRemindPeriod(e.target.value)}>
                {[...periods].reverse().map((p) => (
                  <option key={p} value={p}>{f.period(p)}</option>
                ))}
              </Select>
            </label>
            <Button onClick={remind} disabled={selected.size === 0} pending={pending}>
              Remind selected{selected.size ? ` (${selected.size})` : ""}
            </Button>
          </div>
        ) : null}
      </div>
      <div aria-live="polite" className="min-h-5 text-sm">
        <ActionMessage state={result} />
      </div>

      {/* Fits 1,440 px with 12 periods: compact cells, the distributor column stays in view when narrower screens scroll. */}
      <Table label="Distributors by period" stickyHeader data-testid="compliance-board">
        <THead>
          <tr>
            <TH aria-sort={ariaSort("distributor")} className={clsx(FIRST_COL, "z-20! bg-slate-50")}>
              <span className="flex items-center gap-2">
                {canRemind ? (
                  <input
                    type="checkbox"
                    aria-label="Select all shown distributors"
                    checked={allVisibleSelected}
                    onChange={() => setSelected(allVisibleSelected ? new Set() : new Set(rows.map((r) => r.distributor)))}
                  />
                ) : null}
                {sortButton("distributor", "Distributor")}
              </span>
            </TH>
            {board.periods.map((p) => (
              <TH key={p.period} className={CELL} aria-sort={p.period === latest ? ariaSort("latest") : undefined} title={`Due ${f.dateTime(p.dueAt)}${p.closed ? " · closed" : ""}`}>
                {p.period === latest ? sortButton("latest", f.periodShort(p.period)) : f.periodShort(p.period)}
                {p.closed ? <span className="ml-0.5 text-slate-500" aria-label="closed">🔒</span> : null}
              </TH>
            ))}
            <TH numeric className={CELL} aria-sort={ariaSort("rate")}>{sortButton("rate", "On time")}</TH>
            <TH numeric className={clsx(CELL, "whitespace-normal!")} aria-sort={ariaSort("avgDaysLate")}>{sortButton("avgDaysLate", "Avg days late")}</TH>
            <TH className={clsx(CELL, "whitespace-normal!")} aria-sort={ariaSort("lastReminded")}>{sortButton("lastReminded", "Last reminded")}</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => {
            const byPeriod = new Map(r.cells.map((c) => [c.period, c]));
            return (
              <TR key={r.distributor} selected={selected.has(r.distributor)} data-distributor={r.distributor}>
                <TD className={clsx(FIRST_COL, selected.has(r.distributor) ? "bg-indigo-50" : "bg-white")}>
                  <div className="flex items-start gap-2">
                    {canRemind ? (
                      <input type="checkbox" className="mt-0.5" aria-label={`Select ${r.distributor}`} checked={selected.has(r.distributor)} onChange={() => toggle(r.distributor)} />
                    ) : null}
                    <div className="min-w-0">
                      <div className="font-medium text-slate-900">{r.distributor}</div>
                      <div className="max-w-36 truncate text-xs text-slate-600" title={r.distributorName}>{r.distributorName}</div>
                    </div>
                  </div>
                </TD>
                {periods.map((p) => (
                  <TD key={p} className={clsx(CELL, status && byPeriod.get(p)?.status !== status && "opacity-40")}>
                    <StatusCell cell={byPeriod.get(p)} timeZone={board.timeZone} compact />
                  </TD>
                ))}
                <TD numeric className={CELL} title={`${r.onTime} of ${r.duePeriods} due periods first submitted on time`}>
                  {r.timelinessRate === null ? "—" : f.pct(r.timelinessRate * 100, { digits: 0 })}
                  <div className="text-xs text-slate-600">{r.onTime}/{r.duePeriods}</div>
                </TD>
                <TD numeric className={CELL}>{r.avgDaysLate === null ? "—" : f.number(r.avgDaysLate, { digits: 1 })}</TD>
                <TD className={clsx(CELL, "text-xs whitespace-nowrap text-slate-700")} title={r.lastRemindedAt ? f.dateTime(r.lastRemindedAt) : undefined}>
                  {r.lastRemindedAt ? f.dayMonth(r.lastRemindedAt) : "—"}
                </TD>
              </TR>
            );
          })}
          {rows.length === 0 ? (
            <TR>
              <TD colSpan={periods.length + 4} className="py-6 text-center text-slate-600">No distributor matches the filters.</TD>
            </TR>
          ) : null}
        </TBody>
      </Table>
      <p className="text-xs text-slate-600">
        Hover a cell for the due date, first submission and reminders. ✉ = reminded (the number is how many times). Avg days late counts on-time periods as 0.
        {board.graceDays ? ` Grace: ${board.graceDays} day${board.graceDays === 1 ? "" : "s"}.` : ""} Deadlines in {board.timeZone}.
      </p>
    </section>
  );
}
