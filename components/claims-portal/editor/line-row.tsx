"use client";

import { Fragment } from "react";
import { clsx } from "clsx";
import type { ClaimOutcome } from "@/lib/domain/claims/types";
import { OutcomeBadge } from "@/components/claims/outcome-badge";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { AuthOption } from "./auth-option";
import { COLUMN_LABELS, type ClaimFormValues, type LineColumn } from "./line-draft";

const cell =
  "block h-8 w-full min-w-0 rounded-none border-0 bg-transparent px-2 text-sm text-slate-900 outline-none placeholder:text-slate-500 " +
  "focus:bg-white focus:shadow-[inset_0_0_0_2px_var(--color-indigo-600)] " +
  "aria-[invalid=true]:bg-red-50 aria-[invalid=true]:shadow-[inset_0_0_0_2px_var(--color-red-600)]";

/** Column widths (the table scrolls sideways on narrow screens). */
export const COLUMN_WIDTH: Record<LineColumn, string> = {
  authorization: "min-w-44", invoice: "min-w-32", invoiceLine: "min-w-16", shipDate: "min-w-36", endCustomer: "min-w-44", sku: "min-w-28",
  quantity: "min-w-20", bookCost: "min-w-24", authorizedCost: "min-w-24", claimedAmount: "min-w-28",
};
const NUMERIC = new Set<LineColumn>(["quantity", "bookCost", "authorizedCost", "claimedAmount"]);

/** Why a line sent before was not approved (a correction shows it under the line). */
export interface LineNote {
  revision: number;
  outcome: ClaimOutcome;
  reasonCode: string | null;
  message: string;
}

export interface LineRowProps {
  index: number;
  lineNumber: number;
  register: UseFormRegister<ClaimFormValues>;
  errors: FieldErrors<ClaimFormValues>;
  authorizations: AuthOption[];
  /** The line's authorisation number (the picker shows it even when set by a paste). */
  authorization: string;
  /** An authorisation number on the line that is not one of the distributor's (kept selectable as sent). */
  unknownAuthorization: string | null;
  /** The amount the figures give, shown while the amount is typed by hand. */
  computed: string | null;
  amountIsManual: boolean;
  onAuthorization: (index: number, number: string) => void;
  onFigure: (index: number) => void;
  onAmount: (index: number, text: string) => void;
  onRemove: (index: number) => void;
  canRemove: boolean;
  note?: LineNote;
}

/** One claim line as a row of spreadsheet-like cells. */
export function LineRow(p: LineRowProps) {
  const { index: i } = p;
  const err = (c: LineColumn) => p.errors.lines?.[i]?.[c]?.message;
  const label = (c: LineColumn) => `${COLUMN_LABELS[c]}, line ${p.lineNumber}`;
  const td = (c: LineColumn, child: React.ReactNode) => (
    <td className={clsx("border-b border-l border-slate-200 p-0", COLUMN_WIDTH[c], err(c) && "bg-red-50")} title={err(c)}>
      {child}
    </td>
  );
  const input = (c: LineColumn, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, onChange?: () => void) => {
    const r = p.register(`lines.${i}.${c}`, onChange ? { onChange } : undefined);
    return td(
      c,
      <input
        {...r}
        {...extra}
        data-row={i}
        data-col={c}
        aria-label={label(c)}
        aria-invalid={err(c) ? true : undefined}
        inputMode={NUMERIC.has(c) ? (c === "quantity" ? "numeric" : "decimal") : extra.inputMode}
        autoComplete="off"
        className={clsx(cell, NUMERIC.has(c) && "text-right tabular-nums")}
      />,
    );
  };
  const auth = p.register(`lines.${i}.authorization`, { onChange: (e) => p.onAuthorization(i, (e.target as HTMLSelectElement).value) });
  const active = p.authorizations.filter((a) => a.active);
  const closed = p.authorizations.filter((a) => !a.active);
  const option = (a: AuthOption) => (
    <option key={a.number} value={a.number}>
      {a.number} · {a.sku} · {a.endCustomer}
    </option>
  );
  return (
    <Fragment>
      <tr data-testid="claim-line-row">
        <th scope="row" className="sticky left-0 z-10 border-b border-slate-200 bg-slate-50 px-2 text-right text-xs font-medium text-slate-600 tabular-nums">
          {p.lineNumber}
        </th>
        {td(
          "authorization",
          <select {...auth} value={p.authorization} data-row={i} data-col="authorization" aria-label={label("authorization")} aria-invalid={err("authorization") ? true : undefined} className={clsx(cell, "pr-6")}>
            <option value="">Choose…</option>
            {p.unknownAuthorization ? <option value={p.unknownAuthorization}>{p.unknownAuthorization} (not one of yours)</option> : null}
            {active.length ? <optgroup label="Open for claims">{active.map(option)}</optgroup> : null}
            {closed.length ? <optgroup label="Claim window closed">{closed.map(option)}</optgroup> : null}
          </select>,
        )}
        {input("invoice")}
        {input("invoiceLine")}
        {input("shipDate", { type: "date" })}
        {input("endCustomer")}
        {input("sku")}
        {input("quantity", {}, () => p.onFigure(i))}
        {input("bookCost", {}, () => p.onFigure(i))}
        {input("authorizedCost", {}, () => p.onFigure(i))}
        {td(
          "claimedAmount",
          <div className="relative">
            <input
              {...p.register(`lines.${i}.claimedAmount`, { onChange: (e) => p.onAmount(i, (e.target as HTMLInputElement).value) })}
              data-row={i}
              data-col="claimedAmount"
              aria-label={label("claimedAmount")}
              aria-invalid={err("claimedAmount") ? true : undefined}
              aria-describedby={p.amountIsManual && p.computed ? `amount-${i}-hint` : undefined}
              inputMode="decimal"
              autoComplete="off"
              className={clsx(cell, "text-right tabular-nums", p.amountIsManual && "bg-amber-50")}
            />
            {p.amountIsManual && p.computed ? (
              <span id={`amount-${i}-hint`} className="sr-only">
                The figures give {p.computed}
              </span>
            ) : null}
          </div>,
        )}
        <td className="border-b border-l border-slate-200 px-1 text-center">
          <button
            type="button"
            onClick={() => p.onRemove(i)}
            disabled={!p.canRemove}
            aria-label={`Remove line ${p.lineNumber}`}
            className="rounded px-1.5 py-0.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-red-700 disabled:opacity-40"
          >
            ✕
          </button>
        </td>
      </tr>
      {p.note ? (
        <tr data-testid="claim-line-note">
          <td colSpan={12} className="border-b border-slate-200 bg-slate-50 px-2 py-1.5">
            <p className="sticky left-2 flex max-w-[calc(100vw-5rem)] flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700 sm:max-w-4xl">
              <span className="font-medium">Revision {p.note.revision}:</span>
              <OutcomeBadge outcome={p.note.outcome} />
              {p.note.reasonCode ? <code className="rounded bg-slate-100 px-1 py-0.5 font-medium text-slate-800">{p.note.reasonCode}</code> : null}
              <span>{p.note.message}</span>
            </p>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
