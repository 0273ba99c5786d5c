/**
 * The grid's row model and its pure arithmetic: the column keys, a row's starting values (`RowModel`)
 * and its live state (`RowState`), the totals (`Summary`), and the functions that derive one from the
 * other (expected, difference, changed cells, error counts, the totals after one row changed). Nothing
 * here holds state or notifies anyone; `grid-store.ts` does, and re-exports all of this.
 */
import {
  FIELD_LABELS,
  parseUnitsText,
  type DraftCellPatch,
  type DraftValue,
} from "@/lib/validation/submission";
import type { RowFlag } from "@/lib/domain/submission-checks";
import type { PeriodQuantities } from "@/lib/dal/submissions/get-submission-view";
import type { GridLineInput } from "./types";

export const NUM_FIELDS = ["sold", "returned", "onHand"] as const;
export type NumField = (typeof NUM_FIELDS)[number];
export type EditField = NumField | "note";
export const FORECAST_FIELDS = ["f1", "f2", "f3"] as const;
export type ForecastField = (typeof FORECAST_FIELDS)[number];
export type ColKey = EditField | ForecastField;

export interface RowModel extends GridLineInput {
  /** Added by hand from the catalogue in this browser (not yet in a saved draft). */
  added: boolean;
}

export type ErrorField = EditField | "sku";
export const ERROR_FIELDS: readonly ErrorField[] = ["sku", "sold", "returned", "onHand", "note"];
export type RowErrors = Readonly<Partial<Record<ErrorField, string>>>;

export interface RowState {
  sold: DraftValue;
  returned: DraftValue;
  onHand: DraftValue;
  note: string;
  /** Raw text of the three forecast cells ("" = empty). */
  forecast: readonly [string, string, string];
  errors: RowErrors | null;
  /** The submission check's flags on this row from the last review (null when none). */
  flags: readonly RowFlag[] | null;
}

export interface Summary extends PeriodQuantities {
  rows: number;
  difference: number;
  /** Cells whose value differs from the starting point (prefill or latest revision). */
  changed: number;
  /** Cells with an error. */
  errors: number;
}

export type CellPatch = DraftCellPatch;
export type DraftPatch = Record<string, CellPatch | null>;

export function numberOf(v: DraftValue): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Expected = opening + received − sold − returned; null while sold or returned is not a number. */
export function expectedOf(row: RowModel, s: RowState): number | null {
  const sold = numberOf(s.sold);
  const returned = numberOf(s.returned);
  if (sold === null || returned === null) return null;
  return row.opening + row.received - sold - returned;
}

/**
 * Gap = expected − on hand ("ours − yours"): the same word and sign as the manufacturer's gap
 * (calculated − reported) on every screen; null while a part is not a number.
 */
export function differenceOf(row: RowModel, s: RowState): number | null {
  const e = expectedOf(row, s);
  const h = numberOf(s.onHand);
  return e === null || h === null ? null : e - h;
}

/** Text typed into a quantity cell → what is kept: a number when it parses, else the raw text. */
export function valueOfText(text: string): DraftValue {
  if (text.trim() === "") return "";
  const n = parseUnitsText(text);
  return n === null ? text.slice(0, 40) : n;
}

/** A row's starting value for one field (the prefill or the latest revision). */
export const baseOf = (row: RowModel, f: EditField): DraftValue => (f === "note" ? row.note : row[f]);
/** Whether two cell values are the same, an absent value counting as empty. */
export const same = (a: DraftValue | null | undefined, b: DraftValue | null | undefined) => (a ?? "") === (b ?? "");

/**
 * "MCU-1000: Sold cannot be negative" → "cannot be negative", for the summary line
 * "MCU-1000 · Sold: cannot be negative".
 */
export function stripLabel(sku: string, field: ErrorField, message: string): string {
  let m = message;
  if (m.startsWith(`${sku}: `)) m = m.slice(sku.length + 2);
  m = m.replace(/^Line \d+: /, "");
  const label = FIELD_LABELS[field];
  if (m.startsWith(`${label} `)) m = m.slice(label.length + 1);
  return m;
}

export function setPatch(cell: CellPatch, f: EditField, v: DraftValue | null): void {
  if (f === "note") cell.note = v === null ? null : String(v);
  else cell[f] = v;
}

export const cellKey = (sku: string, f: EditField) => `${sku}\u0000${f}`;

export function changedCells(row: RowModel, s: RowState): number {
  let n = 0;
  if (!same(s.sold, row.sold)) n++;
  if (!same(s.returned, row.returned)) n++;
  if (!same(s.onHand, row.onHand)) n++;
  if (!same(s.note, row.note)) n++;
  return n;
}

export function errorCount(e: RowErrors | null): number {
  return e ? Object.values(e).filter(Boolean).length : 0;
}

export function withoutError(errors: RowErrors, f: ErrorField): RowErrors | null {
  const next = { ...errors };
  delete next[f];
  return Object.keys(next).length ? next : null;
}

/** The totals of every row, counted from scratch (on load). */
export function summarise(rows: readonly RowModel[], states: readonly RowState[]): Summary {
  const s: Summary = { rows: rows.length, opening: 0, received: 0, sold: 0, returned: 0, onHand: 0, expected: 0, difference: 0, changed: 0, errors: 0 };
  rows.forEach((r, i) => {
    const st = states[i]!;
    s.opening += r.opening;
    s.received += r.received;
    s.sold += numberOf(st.sold) ?? 0;
    s.returned += numberOf(st.returned) ?? 0;
    s.onHand += numberOf(st.onHand) ?? 0;
    s.changed += changedCells(r, st);
    s.errors += errorCount(st.errors);
  });
  s.expected = s.opening + s.received - s.sold - s.returned;
  s.difference = s.expected - s.onHand;
  return s;
}

/**
 * The totals after one row went from `prev` to `next`, adjusted by the difference (a keystroke does
 * not recount 2,000 rows); `null` when no total moved. `errorsMoved` says whether the error count did.
 */
export function summaryAfter(s: Summary, row: RowModel, prev: RowState, next: RowState): { summary: Summary | null; errorsMoved: boolean } {
  const dSold = (numberOf(next.sold) ?? 0) - (numberOf(prev.sold) ?? 0);
  const dReturned = (numberOf(next.returned) ?? 0) - (numberOf(prev.returned) ?? 0);
  const dOnHand = (numberOf(next.onHand) ?? 0) - (numberOf(prev.onHand) ?? 0);
  const dChanged = changedCells(row, next) - changedCells(row, prev);
  const dErrors = errorCount(next.errors) - errorCount(prev.errors);
  if (!(dSold || dReturned || dOnHand || dChanged || dErrors)) return { summary: null, errorsMoved: false };
  const sold = s.sold + dSold;
  const returned = s.returned + dReturned;
  const onHand = s.onHand + dOnHand;
  const expected = s.opening + s.received - sold - returned;
  return {
    summary: { ...s, sold, returned, onHand, expected, difference: expected - onHand, changed: s.changed + dChanged, errors: s.errors + dErrors },
    errorsMoved: dErrors !== 0,
  };
}
