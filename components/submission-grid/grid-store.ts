/**
 * The grid's state outside React: one immutable `RowState` per SKU, replaced when that row changes,
 * with a listener set per row. A keystroke therefore notifies one row (plus the totals, the change
 * count and the save status), never the whole grid: rows read their state with
 * `useSyncExternalStore(store.subscribeRow(i), () => store.rowState(i))` and are `React.memo`ised.
 *
 * The store also keeps what the draft autosave needs: which cells changed since the last save
 * (`unsaved-cells.ts`), the values to send (`takePatch`) and how to adopt a colleague's saved draft
 * (`applyRemote`). The row model and its arithmetic live in `grid-model.ts` (re-exported here), the
 * read-only derivations in `grid-selectors.ts`.
 */
import { submissionLineSchema, type DraftCells, type DraftField, type DraftValue } from "@/lib/validation/submission";
import {
  NUM_FIELDS,
  baseOf,
  cellKey,
  same,
  summarise,
  summaryAfter,
  valueOfText,
  withoutError,
  type DraftPatch,
  type EditField,
  type ErrorField,
  type RowModel,
  type RowState,
  type Summary,
} from "./grid-model";
import * as select from "./grid-selectors";
import { UnsavedCells, type RowAt } from "./unsaved-cells";
import type { RowFlag } from "@/lib/domain/submission-checks";
import type { CatalogueProduct, GridInput } from "./types";

// The row model's public names, for the modules that import them from the store.
export { ERROR_FIELDS, FORECAST_FIELDS, NUM_FIELDS, cellKey, differenceOf, expectedOf, numberOf, stripLabel, valueOfText } from "./grid-model";
export type { CellPatch, ColKey, DraftPatch, EditField, ErrorField, ForecastField, NumField, RowErrors, RowModel, RowState, Summary } from "./grid-model";

type Listener = () => void;

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
  /** Cells changed, and rows added by hand, since the autosave last took them. */
  private readonly unsaved = new UnsavedCells();
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
      flags: null,
    }));
    this.rows.forEach((r, i) => this.bySku.set(r.sku.toUpperCase(), i));
    this.summaryValue = summarise(this.rows, this.states);
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
    return select.isCellChanged(this.rows[i]!, this.states[i]!, f);
  }

  /** Whether the row shows a note input: it has a difference, or already a note. */
  hasNoteInput(i: number): boolean {
    return select.rowHasNoteInput(this.rows[i]!, this.states[i]!);
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

  /** Rows flagged by the last review, in row order. */
  flaggedRows(): number[] {
    const out: number[] = [];
    this.states.forEach((s, i) => {
      if (s.flags?.length) out.push(i);
    });
    return out;
  }

  /** Replaces the review's flags (by upper-case SKU); rows whose flags changed re-render. */
  setFlags(flags: readonly RowFlag[]): void {
    const bySku = new Map<string, RowFlag[]>();
    for (const f of flags) {
      const k = f.sku.toUpperCase();
      bySku.set(k, [...(bySku.get(k) ?? []), f]);
    }
    this.states.forEach((s, i) => {
      const next = bySku.get(this.rows[i]!.sku.toUpperCase()) ?? null;
      if (!s.flags && !next) return;
      this.states[i] = { ...s, flags: next };
      this.notifyRow(i);
    });
    this.flagsVersionValue++;
    this.summaryListeners.forEach((l) => l());
  }

  flagsVersion = (): number => this.flagsVersionValue;
  private flagsVersionValue = 0;

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
    this.states.push({ sold: 0, returned: 0, onHand: 0, note: "", forecast: ["", "", ""], errors: null, flags: null });
    this.bySku.set(p.sku.toUpperCase(), i);
    this.unsaved.markAdded(p.sku);
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
        if (this.unsaved.has(row.sku, f) || except.has(cellKey(row.sku, f))) continue;
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
    this.unsaved.mark(sku, f);
  }
  hasDirty = (): boolean => this.unsaved.any();

  /** The unsaved cells as a draft patch (`null`: back at the start), forgotten until `restorePatch`. */
  takePatch(): DraftPatch {
    return this.unsaved.take(this.rowAt);
  }

  /** The changed-but-unsaved cells (only the keys matter), without forgetting them. */
  peekDirty(): DraftPatch {
    return this.unsaved.keys();
  }

  /** Rows added by hand in this browser (to restore them after a reload). */
  addedRows(): CatalogueProduct[] {
    return select.addedRows(this.rows);
  }

  restorePatch(patch: DraftPatch): void {
    this.unsaved.restore(patch, this.rowAt);
  }

  private readonly rowAt: RowAt = (sku) => {
    const i = this.indexOf(sku);
    return i === undefined ? undefined : { row: this.rows[i]!, state: this.states[i]! };
  };

  /** Every edited cell (vs the starting values) and every hand-added row, as a full patch. */
  allEdits(): DraftPatch {
    return select.allEdits(this.rows, this.states);
  }

  /** The current values of `patch`'s cells (for sessionStorage: what must not be lost). */
  valuesOf(patch: DraftPatch): Record<string, Partial<Record<EditField, DraftValue>>> {
    return select.valuesOf(patch, this.states, (sku) => this.indexOf(sku));
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

  /**
   * The rows an applied upload did not mention (by upper-case SKU). `zeroSales` (a line-level POS
   * file lists every sale) sets their Sold and Returned to 0; `zeroAll` also On hand. The changes are
   * user edits: marked as changed and saved in the draft. Returns the absent rows' indexes.
   */
  applyAbsent(fileSkus: ReadonlySet<string>, mode: "zeroSales" | "zeroAll" | "none"): number[] {
    const absent: number[] = [];
    this.rows.forEach((r, i) => {
      if (fileSkus.has(r.sku.toUpperCase())) return;
      absent.push(i);
      if (mode === "none") return;
      this.setValue(i, "sold", 0);
      this.setValue(i, "returned", 0);
      if (mode === "zeroAll") this.setValue(i, "onHand", 0);
    });
    return absent;
  }

  /** The submission body: every row, in row order (so issue `lines.N.field` is row N). */
  buildBody(baseRevision: number | null) {
    return select.submissionBody(this.rows, this.states, baseRevision, this.uploadId);
  }

  /** Forecast cells as saved in this browser: `{ sku: ["12", "", "30"] }`. */
  forecastValues(): Record<string, [string, string, string]> {
    return select.forecastValues(this.rows, this.states);
  }

  /** Every cell error, in row order, for the summary above the grid. */
  errorList(): { index: number; sku: string; field: ErrorField; message: string }[] {
    return select.errorList(this.rows, this.states);
  }

  // ---- internals -----------------------------------------------------------------------------

  private replace(i: number, prev: RowState, next: RowState, notifySummary = true): void {
    this.states[i] = next;
    const { summary, errorsMoved } = summaryAfter(this.summaryValue, this.rows[i]!, prev, next);
    if (summary) {
      this.summaryValue = summary;
      if (notifySummary) this.summaryListeners.forEach((l) => l());
    }
    if (errorsMoved || prev.errors !== next.errors) this.errorsVersionValue++;
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
}
