/**
 * The grid's state outside React: one immutable `RowState` per SKU, replaced when that row changes,
 * with a listener set per row. A keystroke therefore notifies one row (plus the totals, the change
 * count and the save status), never the whole grid: rows read their state with
 * `useSyncExternalStore(store.subscribeRow(i), () => store.rowState(i))` and are `React.memo`ised.
 *
 * The store also keeps what the draft autosave needs: which cells changed since the last save
 * (`dirty`), the values to send (`takePatch`) and how to adopt a colleague's saved draft
 * (`applyRemote`).
 */
import {
  FIELD_LABELS,
  parseUnitsText,
  submissionLineSchema,
  type DraftCellPatch,
  type DraftCells,
  type DraftField,
  type DraftValue,
} from "@/lib/validation/submission";
import type { CatalogueProduct, GridInput, GridLineInput } from "./types";

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
}

export interface Summary {
  rows: number;
  opening: number;
  received: number;
  sold: number;
  returned: number;
  onHand: number;
  expected: number;
  difference: number;
  /** Cells whose value differs from the starting point (prefill or latest revision). */
  changed: number;
  /** Cells with an error. */
  errors: number;
}

export type CellPatch = DraftCellPatch;
export type DraftPatch = Record<string, CellPatch | null>;

type Listener = () => void;

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

/** Difference = on hand − expected; null while a part is not a number. */
export function differenceOf(row: RowModel, s: RowState): number | null {
  const e = expectedOf(row, s);
  const h = numberOf(s.onHand);
  return e === null || h === null ? null : h - e;
}

/** Text typed into a quantity cell → what is kept: a number when it parses, else the raw text. */
export function valueOfText(text: string): DraftValue {
  if (text.trim() === "") return "";
  const n = parseUnitsText(text);
  return n === null ? text.slice(0, 40) : n;
}

const baseOf = (row: RowModel, f: EditField): DraftValue => (f === "note" ? row.note : row[f]);
const same = (a: DraftValue | null | undefined, b: DraftValue | null | undefined) => (a ?? "") === (b ?? "");

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

export class GridStore {
  readonly rows: RowModel[];
  private states: RowState[];
  private readonly bySku = new Map<string, number>();
  private rowListeners: (Set<Listener> | undefined)[] = [];
  private readonly summaryListeners = new Set<Listener>();
  private readonly listListeners = new Set<Listener>();
  private readonly editListeners = new Set<(kind: "draft" | "forecast") => void>();
  private summaryValue: Summary;
  private listVersionValue = 0;
  private errorsVersionValue = 0;
  /** Cells changed since they were last handed to the autosave, per SKU. */
  private dirty = new Map<string, Set<EditField>>();
  /** Rows added by hand whose existence still has to be saved in the draft. */
  private forced = new Set<string>();
  /** Count row renders (`?bench=1`); read by bench/submit-page/run.mjs. */
  readonly bench: boolean;
  readonly tolerance: number;

  constructor(input: Pick<GridInput, "lines" | "differenceTolerance" | "bench">) {
    this.bench = input.bench;
    this.tolerance = input.differenceTolerance;
    this.rows = input.lines.map((l) => ({ ...l, added: false }));
    this.states = this.rows.map((r) => ({
      sold: r.sold,
      returned: r.returned,
      onHand: r.onHand,
      note: r.note,
      forecast: ["", "", ""] as const,
      errors: null,
    }));
    this.rows.forEach((r, i) => this.bySku.set(r.sku.toUpperCase(), i));
    this.summaryValue = this.computeSummary();
  }

  // ---- reading -------------------------------------------------------------------------------

  rowState = (i: number): RowState => this.states[i]!;
  summary = (): Summary => this.summaryValue;
  listVersion = (): number => this.listVersionValue;
  errorsVersion = (): number => this.errorsVersionValue;
  indexOf(sku: string): number | undefined {
    return this.bySku.get(sku.toUpperCase());
  }
  get size(): number {
    return this.rows.length;
  }

  isChanged(i: number, f: EditField): boolean {
    return !same(this.states[i]![f], baseOf(this.rows[i]!, f));
  }

  /** Whether the row shows a note input: it has a difference, or already a note. */
  hasNoteInput(i: number): boolean {
    const s = this.states[i]!;
    const d = differenceOf(this.rows[i]!, s);
    return s.note !== "" || d === null || d !== 0 || this.rows[i]!.note !== "";
  }

  // ---- subscribing ---------------------------------------------------------------------------

  subscribeRow(i: number, cb: Listener): () => void {
    const set = (this.rowListeners[i] ??= new Set());
    set.add(cb);
    return () => set.delete(cb);
  }
  subscribeSummary = (cb: Listener): (() => void) => {
    this.summaryListeners.add(cb);
    return () => this.summaryListeners.delete(cb);
  };
  subscribeList = (cb: Listener): (() => void) => {
    this.listListeners.add(cb);
    return () => this.listListeners.delete(cb);
  };
  /** Called after every user edit ("draft": a draft field; "forecast": a forecast cell). */
  onEdit(cb: (kind: "draft" | "forecast") => void): () => void {
    this.editListeners.add(cb);
    return () => this.editListeners.delete(cb);
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * Sets one draft field. `user` edits are marked for the autosave; `remote` ones (a colleague's
   * saved draft) are not.
   */
  setValue(i: number, f: EditField, value: DraftValue, source: "user" | "remote" = "user"): void {
    const prev = this.states[i]!;
    const v = f === "note" ? String(value) : value;
    if (prev[f] === v) return;
    const errors = prev.errors && prev.errors[f] ? withoutError(prev.errors, f) : prev.errors;
    const next: RowState = { ...prev, [f]: v, errors };
    this.replace(i, prev, next);
    if (source === "user") {
      this.markDirty(this.rows[i]!.sku, f);
      this.emitEdit("draft");
    }
  }

  setText(i: number, f: EditField, text: string): void {
    this.setValue(i, f, f === "note" ? text : valueOfText(text));
  }

  /** Escape: back to the starting value (the prefill or the latest revision). */
  revert(i: number, f: EditField): void {
    this.setValue(i, f, baseOf(this.rows[i]!, f));
  }

  setForecast(i: number, k: 0 | 1 | 2, text: string, emit = true): void {
    const prev = this.states[i]!;
    if (prev.forecast[k] === text) return;
    const forecast = [...prev.forecast] as [string, string, string];
    forecast[k] = text;
    this.states[i] = { ...prev, forecast };
    this.notifyRow(i);
    if (emit) this.emitEdit("forecast");
  }

  /** Replaces all cell errors (client validation or the server's answer). */
  setErrors(errors: Map<number, Partial<Record<ErrorField, string>>>): void {
    this.states.forEach((s, i) => {
      const e = errors.get(i);
      if (!s.errors && !e) return;
      this.replace(i, s, { ...s, errors: e && Object.keys(e).length ? e : null }, false);
    });
    this.afterErrors();
  }

  setCellError(i: number, f: ErrorField, message: string | null): void {
    const prev = this.states[i]!;
    const had = prev.errors?.[f];
    if ((had ?? null) === message) return;
    const errors = message ? { ...(prev.errors ?? {}), [f]: message } : withoutError(prev.errors ?? {}, f);
    this.replace(i, prev, { ...prev, errors }, false);
    this.afterErrors();
  }

  /** Checks one cell with the shared schema (on blur); returns the message or null. */
  validateCell(i: number, f: EditField): string | null {
    const s = this.states[i]!;
    const shape = submissionLineSchema.shape;
    const r = f === "note" ? shape.note.safeParse(s.note) : shape[f].safeParse(s[f]);
    const message = r.success ? null : (r.error.issues[0]?.message ?? "Not valid");
    this.setCellError(i, f, message);
    return message;
  }

  /** Adds a SKU picked from the catalogue as a row of zeros; returns its index. */
  addRow(p: CatalogueProduct): number {
    const existing = this.indexOf(p.sku);
    if (existing !== undefined) return existing;
    const row: RowModel = {
      sku: p.sku, description: p.description, family: p.family, opening: 0, received: 0,
      sold: 0, returned: 0, onHand: 0, note: "", lastSold: null, lastOnHand: null, required: false, added: true,
    };
    const i = this.rows.length;
    this.rows.push(row);
    this.states.push({ sold: 0, returned: 0, onHand: 0, note: "", forecast: ["", "", ""], errors: null });
    this.bySku.set(p.sku.toUpperCase(), i);
    this.forced.add(p.sku);
    this.summaryValue = { ...this.summaryValue, rows: this.rows.length };
    this.listVersionValue++;
    this.listListeners.forEach((l) => l());
    this.summaryListeners.forEach((l) => l());
    this.emitEdit("draft");
    return i;
  }

  // ---- the draft -----------------------------------------------------------------------------

  /** Applies a saved draft over the starting values (on load). Not marked for saving. */
  applyDraft(cells: DraftCells): number {
    return this.applyRemote(cells, new Set(), true);
  }

  /**
   * Adopts a colleague's saved draft for every cell this browser has not changed since its last
   * save (and not in `except`). Cells absent from `cells` go back to their starting value unless
   * `onlyPresent`. Returns how many cells changed.
   */
  applyRemote(cells: DraftCells, except: Set<string>, onlyPresent = false): number {
    let n = 0;
    this.rows.forEach((row, i) => {
      const remote = cells[row.sku];
      if (onlyPresent && !remote) return;
      for (const f of [...NUM_FIELDS, "note"] as EditField[]) {
        if (this.dirty.get(row.sku)?.has(f) || except.has(cellKey(row.sku, f))) continue;
        const r = remote?.[f as DraftField];
        if (onlyPresent && r === undefined) continue;
        const want: DraftValue = r === undefined ? baseOf(row, f) : f === "note" ? String(r) : r;
        if (!same(this.states[i]![f], want)) {
          this.setValue(i, f, want, "remote");
          n++;
        }
      }
    });
    return n;
  }

  /** Marks cells as changed since the last save (values restored from sessionStorage, a failed save). */
  markDirty(sku: string, f: EditField): void {
    let set = this.dirty.get(sku);
    if (!set) this.dirty.set(sku, (set = new Set()));
    set.add(f);
  }

  hasDirty(): boolean {
    return this.dirty.size > 0 || this.forced.size > 0;
  }

  /**
   * The cells changed since the last save, as a draft patch (a cell back at its starting value is
   * `null`: the edit is dropped), and forgets them: `restorePatch` puts them back after a failed save.
   */
  takePatch(): DraftPatch {
    const patch: DraftPatch = {};
    for (const [sku, fields] of this.dirty) {
      const i = this.indexOf(sku);
      if (i === undefined) continue;
      const cell: CellPatch = {};
      for (const f of fields) setPatch(cell, f, this.patchValue(i, f));
      patch[sku] = cell;
    }
    for (const sku of this.forced) {
      const i = this.indexOf(sku);
      if (i === undefined) continue;
      // A hand-added SKU is kept in the draft by its quantities, even when they are all 0.
      const s = this.states[i]!;
      patch[sku] = { ...(patch[sku] ?? {}), sold: s.sold, returned: s.returned, onHand: s.onHand };
    }
    this.dirty = new Map();
    this.forced = new Set();
    return patch;
  }

  /** The changed-but-unsaved cells (only the keys matter), without forgetting them. */
  peekDirty(): DraftPatch {
    const out: DraftPatch = {};
    for (const [sku, fields] of this.dirty) {
      const c: CellPatch = {};
      for (const f of fields) setPatch(c, f, null);
      out[sku] = c;
    }
    for (const sku of this.forced) out[sku] = { ...(out[sku] ?? {}), sold: null, returned: null, onHand: null };
    return out;
  }

  /** Rows added by hand in this browser (to restore them after a reload). */
  addedRows(): CatalogueProduct[] {
    return this.rows.filter((r) => r.added).map((r) => ({ sku: r.sku, description: r.description, family: r.family }));
  }

  restorePatch(patch: DraftPatch): void {
    for (const [sku, cell] of Object.entries(patch)) {
      const i = this.indexOf(sku);
      if (i === undefined) continue;
      if (this.rows[i]!.added && cell && "sold" in cell && "returned" in cell && "onHand" in cell) this.forced.add(sku);
      for (const f of Object.keys(cell ?? {}) as EditField[]) this.markDirty(sku, f);
    }
  }

  /** Every edited cell (vs the starting values) and every hand-added row, as a full patch. */
  allEdits(): DraftPatch {
    const patch: DraftPatch = {};
    this.rows.forEach((row, i) => {
      const cell: CellPatch = {};
      for (const f of [...NUM_FIELDS, "note"] as EditField[]) if (row.added || this.isChanged(i, f)) setPatch(cell, f, this.patchValue(i, f));
      if (row.added) for (const f of NUM_FIELDS) cell[f] = this.states[i]![f];
      if (Object.keys(cell).length) patch[row.sku] = cell;
    });
    return patch;
  }

  /** The current values of `patch`'s cells (for sessionStorage: what must not be lost). */
  valuesOf(patch: DraftPatch): Record<string, Partial<Record<EditField, DraftValue>>> {
    const out: Record<string, Partial<Record<EditField, DraftValue>>> = {};
    for (const [sku, cell] of Object.entries(patch)) {
      const i = this.indexOf(sku);
      if (i === undefined || !cell) continue;
      const s = this.states[i]!;
      const o: Record<string, DraftValue> = {};
      for (const f of Object.keys(cell) as EditField[]) o[f] = s[f];
      out[sku] = o;
    }
    return out;
  }

  private patchValue(i: number, f: EditField): DraftValue | null {
    const v = this.states[i]![f];
    if (same(v, baseOf(this.rows[i]!, f))) return null;
    return f === "note" ? String(v).slice(0, 500) : v;
  }

  // ---- upload (issue 4; components/upload) -------------------------------------------------------

  /** The upload the grid was last filled from: the next submit names it, so the revision keeps its POS lines. */
  uploadId: string | null = null;

  /**
   * Applies an upload's per-SKU figures as user edits to review (marked as changed, saved in the
   * draft): only the figures the file reports (null = keep the cell), rows added for SKUs the grid
   * does not list yet. Returns how many cells changed, rows were added and SKUs were touched.
   */
  applyChanges(
    lines: readonly { sku: string; sold: number | null; returned: number | null; onHand: number | null }[],
    uploadId: string | null,
    products: readonly CatalogueProduct[] = [],
  ): { cells: number; added: number; skus: number } {
    const info = new Map(products.map((p) => [p.sku.toUpperCase(), p]));
    let cells = 0;
    let added = 0;
    for (const l of lines) {
      let i = this.indexOf(l.sku);
      if (i === undefined) {
        i = this.addRow(info.get(l.sku.toUpperCase()) ?? { sku: l.sku, description: "", family: "" });
        added++;
      }
      for (const f of NUM_FIELDS) {
        const v = l[f];
        if (v === null || v === undefined) continue;
        if (this.states[i]![f] !== v) cells++;
        this.setValue(i, f, v);
        this.validateCell(i, f);
      }
    }
    this.uploadId = uploadId;
    return { cells, added, skus: lines.length };
  }

  /** The submission body: every row, in row order (so issue `lines.N.field` is row N). */
  buildBody(baseRevision: number | null) {
    return {
      baseRevision,
      ...(this.uploadId ? { uploadId: this.uploadId } : {}),
      lines: this.rows.map((r, i) => {
        const s = this.states[i]!;
        return { sku: r.sku, sold: s.sold, returned: s.returned, onHand: s.onHand, note: s.note.trim() ? s.note : undefined };
      }),
    };
  }

  /** Forecast cells as saved in this browser: `{ sku: ["12", "", "30"] }`. */
  forecastValues(): Record<string, [string, string, string]> {
    const out: Record<string, [string, string, string]> = {};
    this.rows.forEach((r, i) => {
      const f = this.states[i]!.forecast;
      if (f[0] || f[1] || f[2]) out[r.sku] = [...f] as [string, string, string];
    });
    return out;
  }

  /** Every cell error, in row order, for the summary above the grid. */
  errorList(): { index: number; sku: string; field: ErrorField; message: string }[] {
    const out: { index: number; sku: string; field: ErrorField; message: string }[] = [];
    this.states.forEach((s, i) => {
      if (!s.errors) return;
      for (const f of ERROR_FIELDS) {
        const m = s.errors[f];
        if (m) out.push({ index: i, sku: this.rows[i]!.sku, field: f, message: m });
      }
    });
    return out;
  }

  // ---- internals -----------------------------------------------------------------------------

  private replace(i: number, prev: RowState, next: RowState, notifySummary = true): void {
    this.states[i] = next;
    const row = this.rows[i]!;
    const s = this.summaryValue;
    const dSold = (numberOf(next.sold) ?? 0) - (numberOf(prev.sold) ?? 0);
    const dReturned = (numberOf(next.returned) ?? 0) - (numberOf(prev.returned) ?? 0);
    const dOnHand = (numberOf(next.onHand) ?? 0) - (numberOf(prev.onHand) ?? 0);
    const dChanged = changedCells(row, next) - changedCells(row, prev);
    const dErrors = errorCount(next.errors) - errorCount(prev.errors);
    if (dSold || dReturned || dOnHand || dChanged || dErrors) {
      const sold = s.sold + dSold;
      const returned = s.returned + dReturned;
      const onHand = s.onHand + dOnHand;
      const expected = s.opening + s.received - sold - returned;
      this.summaryValue = { ...s, sold, returned, onHand, expected, difference: onHand - expected, changed: s.changed + dChanged, errors: s.errors + dErrors };
      if (notifySummary) this.summaryListeners.forEach((l) => l());
    }
    if (dErrors || prev.errors !== next.errors) this.errorsVersionValue++;
    this.notifyRow(i);
  }

  private afterErrors(): void {
    this.errorsVersionValue++;
    this.summaryListeners.forEach((l) => l());
  }

  private notifyRow(i: number): void {
    this.rowListeners[i]?.forEach((l) => l());
  }

  private emitEdit(kind: "draft" | "forecast"): void {
    this.editListeners.forEach((l) => l(kind));
  }

  private computeSummary(): Summary {
    const s: Summary = { rows: this.rows.length, opening: 0, received: 0, sold: 0, returned: 0, onHand: 0, expected: 0, difference: 0, changed: 0, errors: 0 };
    this.rows.forEach((r, i) => {
      const st = this.states[i]!;
      s.opening += r.opening;
      s.received += r.received;
      s.sold += numberOf(st.sold) ?? 0;
      s.returned += numberOf(st.returned) ?? 0;
      s.onHand += numberOf(st.onHand) ?? 0;
      s.changed += changedCells(r, st);
      s.errors += errorCount(st.errors);
    });
    s.expected = s.opening + s.received - s.sold - s.returned;
    s.difference = s.onHand - s.expected;
    return s;
  }
}

function setPatch(cell: CellPatch, f: EditField, v: DraftValue | null): void {
  if (f === "note") cell.note = v === null ? null : String(v);
  else cell[f] = v;
}

export const cellKey = (sku: string, f: EditField) => `${sku}\u0000${f}`;

function changedCells(row: RowModel, s: RowState): number {
  let n = 0;
  if (!same(s.sold, row.sold)) n++;
  if (!same(s.returned, row.returned)) n++;
  if (!same(s.onHand, row.onHand)) n++;
  if (!same(s.note, row.note)) n++;
  return n;
}

function errorCount(e: RowErrors | null): number {
  return e ? Object.values(e).filter(Boolean).length : 0;
}

function withoutError(errors: RowErrors, f: ErrorField): RowErrors | null {
  const next = { ...errors };
  delete next[f];
  return Object.keys(next).length ? next : null;
}
