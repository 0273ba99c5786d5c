"use client";

import { useState, useTransition } from "react";
import type { ComplianceBoard as Board, ComplianceCell, ComplianceRow } from "@/lib/dal/compliance/list-compliance";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, Input } from "@/components/ui/input";
import { Table, THead, TBody, TR, TH, TD } from "@/components/ui/table";
import { ActionMessage } from "@/components/ui/action-message";
import type { ActionState } from "@/lib/validation/action-state";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const short = (p: string) => `${MONTHS[Number(p.slice(5, 7)) - 1]} ${p.slice(2, 4)}`;
const when = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

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

function cellTitle(c: ComplianceCell, timeZone: string): string {
  const lines = [`${c.period}: ${STATUS_LABELS[c.status]}`, `Due ${when(c.dueAt, timeZone)}`];
  if (c.submittedAt) lines.push(`First submitted ${when(c.submittedAt, timeZone)}${c.daysLate ? ` (${c.daysLate} day${c.daysLate === 1 ? "" : "s"} late)` : ""}`);
  if (c.revisions > 1) lines.push(`${c.revisions} revisions`);
  if (c.quality !== null) lines.push(`Data quality ${c.quality}/100`);
  if (c.status === "incomplete") lines.push(`${c.missingSkus} SKU${c.missingSkus === 1 ? "" : "s"} with stock or sell-in left out`);
  if (c.reminders) lines.push(`Reminded ${c.reminders}× — last ${when(c.lastRemindedAt!, timeZone)} (${KIND_LABELS[c.lastReminderKind ?? ""] ?? c.lastReminderKind})`);
  return lines.join("\n");
}

export function StatusCell({ cell, timeZone }: { cell: ComplianceCell | undefined; timeZone: string }) {
  if (!cell) return <span className="text-slate-400" title="No activity yet">—</span>;
  return (
    <span className="inline-flex items-center gap-1" title={cellTitle(cell, timeZone)} data-status={cell.status}>
      <Badge tone={TONES[cell.status]} dot>
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
                  <option key={p} value={p}>{p}</option>
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

      <Table label="Distributors by period" stickyHeader>
        <THead>
          <tr>
            {canRemind ? (
              <TH className="w-8">
                <input
                  type="checkbox"
                  aria-label="Select all shown distributors"
                  checked={allVisibleSelected}
                  onChange={() => setSelected(allVisibleSelected ? new Set() : new Set(rows.map((r) => r.distributor)))}
                />
              </TH>
            ) : null}
            <TH aria-sort={ariaSort("distributor")}>{sortButton("distributor", "Distributor")}</TH>
            {board.periods.map((p) => (
              <TH key={p.period} aria-sort={p.period === latest ? ariaSort("latest") : undefined} title={`Due ${when(p.dueAt, board.timeZone)}${p.closed ? " · closed" : ""}`}>
                {p.period === latest ? sortButton("latest", short(p.period)) : short(p.period)}
                {p.closed ? <span className="ml-1 text-slate-500" aria-label="closed">🔒</span> : null}
              </TH>
            ))}
            <TH numeric aria-sort={ariaSort("rate")}>{sortButton("rate", "On time")}</TH>
            <TH numeric aria-sort={ariaSort("avgDaysLate")}>{sortButton("avgDaysLate", "Avg days late")}</TH>
            <TH aria-sort={ariaSort("lastReminded")}>{sortButton("lastReminded", "Last reminded")}</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => {
            const byPeriod = new Map(r.cells.map((c) => [c.period, c]));
            return (
              <TR key={r.distributor} selected={selected.has(r.distributor)} data-distributor={r.distributor}>
                {canRemind ? (
                  <TD>
                    <input type="checkbox" aria-label={`Select ${r.distributor}`} checked={selected.has(r.distributor)} onChange={() => toggle(r.distributor)} />
                  </TD>
                ) : null}
                <TD>
                  <div className="font-medium text-slate-900">{r.distributor}</div>
                  <div className="text-xs text-slate-600">{r.distributorName}</div>
                </TD>
                {periods.map((p) => (
                  <TD key={p} className={status && byPeriod.get(p)?.status !== status ? "opacity-40" : undefined}>
                    <StatusCell cell={byPeriod.get(p)} timeZone={board.timeZone} />
                  </TD>
                ))}
                <TD numeric title={`${r.onTime} of ${r.duePeriods} due periods first submitted on time`}>
                  {r.timelinessRate === null ? "—" : `${Math.round(r.timelinessRate * 100)} %`}
                  <div className="text-xs text-slate-600">{r.onTime}/{r.duePeriods}</div>
                </TD>
                <TD numeric>{r.avgDaysLate === null ? "—" : r.avgDaysLate.toFixed(1)}</TD>
                <TD className="text-xs whitespace-nowrap text-slate-700">{r.lastRemindedAt ? when(r.lastRemindedAt, board.timeZone) : "—"}</TD>
              </TR>
            );
          })}
          {rows.length === 0 ? (
            <TR>
              <TD colSpan={periods.length + 5} className="py-6 text-center text-slate-600">No distributor matches the filters.</TD>
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
