/**
 * Read-only derivations over the grid's rows and their states: whether a cell changed or shows a
 * note input, the submission body, the full patch of edits, the forecast and the error list, the
 * values behind a patch. Pure functions of `(rows, states)`; `GridStore` exposes them as methods over
 * its own state, so callers keep reading them from the store.
 */
import type { DraftValue } from "@/lib/validation/submission";
import { ERROR_FIELDS, NUM_FIELDS, baseOf, differenceOf, same, setPatch, type CellPatch, type DraftPatch, type EditField, type ErrorField, type RowModel, type RowState } from "./grid-model";
import type { CatalogueProduct } from "./types";

type Rows = readonly RowModel[];
type States = readonly RowState[];

export function isCellChanged(row: RowModel, s: RowState, f: EditField): boolean {
  return !same(s[f], baseOf(row, f));
}

/** Whether the row shows a note input: it has a difference, or already a note. */
export function rowHasNoteInput(row: RowModel, s: RowState): boolean {
  const d = differenceOf(row, s);
  return s.note !== "" || d === null || d !== 0 || row.note !== "";
}

/** A cell's value for a draft patch: null when back at its starting value, notes cut to 500 characters. */
export function patchValue(row: RowModel, s: RowState, f: EditField): DraftValue | null {
  const v = s[f];
  if (same(v, baseOf(row, f))) return null;
  return f === "note" ? String(v).slice(0, 500) : v;
}

/** Every edited cell (vs the starting values) and every hand-added row, as a full patch. */
export function allEdits(rows: Rows, states: States): DraftPatch {
  const patch: DraftPatch = {};
  rows.forEach((row, i) => {
    const s = states[i]!;
    const cell: CellPatch = {};
    for (const f of [...NUM_FIELDS, "note"] as EditField[]) if (row.added || isCellChanged(row, s, f)) setPatch(cell, f, patchValue(row, s, f));
    if (row.added) for (const f of NUM_FIELDS) cell[f] = s[f];
    if (Object.keys(cell).length) patch[row.sku] = cell;
  });
  return patch;
}

/** The current values of `patch`'s cells (for sessionStorage: what must not be lost). */
export function valuesOf(
  patch: DraftPatch,
  states: States,
  indexOf: (sku: string) => number | undefined,
): Record<string, Partial<Record<EditField, DraftValue>>> {
  const out: Record<string, Partial<Record<EditField, DraftValue>>> = {};
  for (const [sku, cell] of Object.entries(patch)) {
    const i = indexOf(sku);
    if (i === undefined || !cell) continue;
    const s = states[i]!;
    const o: Record<string, DraftValue> = {};
    for (const f of Object.keys(cell) as EditField[]) o[f] = s[f];
    out[sku] = o;
  }
  return out;
}

/** Rows added by hand in this browser (to restore them after a reload). */
export function addedRows(rows: Rows): CatalogueProduct[] {
  return rows.filter((r) => r.added).map((r) => ({ sku: r.sku, description: r.description, family: r.family }));
}

/** The submission body: every row, in row order (so issue `lines.N.field` is row N). */
export function submissionBody(rows: Rows, states: States, baseRevision: number | null, uploadId: string | null) {
  return {
    baseRevision,
    ...(uploadId ? { uploadId } : {}),
    lines: rows.map((r, i) => {
      const s = states[i]!;
      return { sku: r.sku, sold: s.sold, returned: s.returned, onHand: s.onHand, note: s.note.trim() ? s.note : undefined };
    }),
  };
}

/** Forecast cells as saved in this browser: `{ sku: ["12", "", "30"] }`. */
export function forecastValues(rows: Rows, states: States): Record<string, [string, string, string]> {
  const out: Record<string, [string, string, string]> = {};
  rows.forEach((r, i) => {
    const f = states[i]!.forecast;
    if (f[0] || f[1] || f[2]) out[r.sku] = [...f] as [string, string, string];
  });
  return out;
}

/** Every cell error, in row order, for the summary above the grid. */
export function errorList(rows: Rows, states: States): { index: number; sku: string; field: ErrorField; message: string }[] {
  const out: { index: number; sku: string; field: ErrorField; message: string }[] = [];
  states.forEach((s, i) => {
    if (!s.errors) return;
    for (const f of ERROR_FIELDS) {
      const m = s.errors[f];
      if (m) out.push({ index: i, sku: rows[i]!.sku, field: f, message: m });
    }
  });
  return out;
}
