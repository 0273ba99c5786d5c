/**
 * The shared end of every reader: records in, the upload answer out. Each data row ends up in
 * exactly one place — accepted, `errors`, `outOfPeriod`, `duplicates`, an unknown part's row count
 * or `skipped` — so rowsRead always equals their sum (nothing is dropped silently).
 */
import { confusableCharIn, confusableMessage, visiblePart } from "./part-number";
import { contentPrint, keyPrint, RecordPrints } from "./record-prints";
import { SeenInvoiceLines, smallLine, type SeenInvoices } from "./seen-invoice-lines";
import { UnitConversions, type UnitOptions } from "./unit-conversions";
import type {
  CodeNote, Format, Kind, PartIds, PartResolver, PosLine, ResolvedPosLine, RowError, Skipped, SkuTotals, SummaryRow, UploadResult, Warning,
} from "./types";

export interface AggregateOptions extends UnitOptions {
  /** "YYYY-MM": POS lines dated outside it are listed in `outOfPeriod`, not counted. */
  period: string;
  resolvePart: PartResolver;
  /** Receives accepted POS lines in batches instead of collecting them in `posLines`. */
  onPosLines?: (batch: ResolvedPosLine[]) => void | Promise<void>;
  /**
   * Lines identical in every field (invoice, line, part, quantity, unit, date, transfer type, end
   * customer): "keep" (the default: counted, listed in `identicalLines` and asked about) or "drop"
   * (listed in `duplicates`, not counted) — the distributor's answer.
   */
  duplicates?: "keep" | "drop";
}

const BATCH = 1000;
const MAX_WARNINGS = 1000;

/** The label an unknown part is listed under: the distributor's own number when there is one. */
export function partLabel(ids: PartIds): string {
  return ids.distributorPart ?? ids.sku ?? ids.upc ?? "";
}

interface Totals {
  sold: number | null;
  returned: number | null;
  onHand: number | null;
  received: number | null;
  customerReturns: number | null;
  firstLine: number;
}

/** An {@link Aggregator}'s counts, as plain data that crosses threads (structured clone). */
export interface AggregatorState {
  rowsRead: number;
  rowsAccepted: number;
  credits: number;
  totals: [string, Totals][];
  unknown: [string, number][];
  outOfPeriod: UploadResult["outOfPeriod"];
  duplicates: UploadResult["duplicates"];
  errors: RowError[];
  skipped: Skipped[];
  warnings: Warning[];
  suppressedWarnings: number;
  adjustments: [string, number][];
  identical: NonNullable<UploadResult["identicalLines"]>;
  firstDate: string | null;
  lastDate: string | null;
  /** Per transfer type, the invoices seen and their lines, compact (a million lines cross threads cheaply). */
  seen: SeenInvoices[];
}

const TOTAL_LABEL = { onHand: "on hand", returned: "returned", customerReturns: "customer returns" } as const;

const add = (a: number | null, b: number | null | undefined) => (b === null || b === undefined ? a : (a ?? 0) + b);

export class Aggregator {
  readonly errors: RowError[] = [];
  readonly skipped: Skipped[] = [];
  readonly warnings: Warning[] = [];
  private rowsRead = 0;
  private rowsAccepted = 0;
  private credits = 0;
  private readonly totals = new Map<string, Totals>();
  private readonly unknown = new Map<string, number>();
  private readonly outOfPeriod: UploadResult["outOfPeriod"] = [];
  private readonly duplicates: UploadResult["duplicates"] = [];
  private readonly seen = new SeenInvoiceLines();
  private readonly posLines: ResolvedPosLine[] = [];
  private batch: ResolvedPosLine[] = [];
  private readonly adjustments = new Map<string, number>();
  private suppressedWarnings = 0;
  private readonly codeNotes = new Map<string, CodeNote>();
  private readonly prints = new RecordPrints();
  private readonly identical: NonNullable<UploadResult["identicalLines"]> = [];
  private readonly units: UnitConversions; // quantities in cases, dozens… (unit-conversions.ts)
  private firstDate: string | null = null;
  private lastDate: string | null = null;

  constructor(
    readonly format: Format,
    readonly kind: Kind,
    private readonly opts: AggregateOptions,
  ) {
    this.units = new UnitConversions(opts, this);
  }

  error(e: RowError): void {
    this.rowsRead++;
    this.errors.push(e);
  }

  skip(s: Skipped): void {
    this.rowsRead++;
    this.skipped.push(s);
  }

  /** Warnings are capped (a million rows with a bad price would otherwise mean a million). */
  warn(w: Warning): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(w);
    else this.suppressedWarnings++;
  }

  /** A code met in the file (X12): the same code and use are counted once with their occurrences. */
  note(n: CodeNote): void {
    const key = `${n.code}\u0000${n.use}`;
    const had = this.codeNotes.get(key);
    if (had) had.count += n.count;
    else this.codeNotes.set(key, { ...n });
  }

  /**
   * What a parser of a later part of the same file (another thread: `split/csv-split.ts`) hands back to be
   * merged into this one: everything but the POS lines themselves, which it stores on its own.
   */
  exportState(): AggregatorState {
    return {
      rowsRead: this.rowsRead, rowsAccepted: this.rowsAccepted, credits: this.credits,
      totals: [...this.totals], unknown: [...this.unknown], outOfPeriod: this.outOfPeriod, duplicates: this.duplicates,
      errors: this.errors, skipped: this.skipped, warnings: this.warnings, suppressedWarnings: this.suppressedWarnings,
      adjustments: [...this.adjustments], identical: this.identical,
      firstDate: this.firstDate, lastDate: this.lastDate,
      seen: this.seen.export(),
    };
  }

  /** True when a line of `later` repeats an invoice line this part has already seen (a duplicate across the parts). */
  overlaps(later: AggregatorState): boolean {
    return this.seen.overlaps(later.seen);
  }

  /** Adds a later part's rows after this one's, in file order (as if one parser had read both). */
  merge(later: AggregatorState): void {
    this.rowsRead += later.rowsRead;
    this.rowsAccepted += later.rowsAccepted;
    this.credits += later.credits;
    for (const [sku, t] of later.totals) {
      const mine = this.totals.get(sku);
      if (!mine) this.totals.set(sku, { ...t });
      else {
        mine.sold = add(mine.sold, t.sold);
        mine.returned = add(mine.returned, t.returned);
        mine.onHand = add(mine.onHand, t.onHand);
        mine.received = add(mine.received, t.received);
        mine.customerReturns = add(mine.customerReturns, t.customerReturns);
      }
    }
    this.dated(later.firstDate);
    this.dated(later.lastDate);
    for (const [label, n] of later.unknown) this.unknown.set(label, (this.unknown.get(label) ?? 0) + n);
    for (const [code, n] of later.adjustments) this.adjustments.set(code, (this.adjustments.get(code) ?? 0) + n);
    this.outOfPeriod.push(...later.outOfPeriod);
    this.duplicates.push(...later.duplicates);
    this.identical.push(...later.identical);
    this.errors.push(...later.errors);
    this.skipped.push(...later.skipped);
    for (const w of later.warnings) this.warn(w);
    this.suppressedWarnings += later.suppressedWarnings;
  }

  private resolve(ids: PartIds, line: number): string | null {
    // A look-alike part number is an error on its row, never an "unknown part" that reads like a known one.
    if (this.refuseConfusable(ids.sku, line) || this.refuseConfusable(ids.distributorPart, line) || this.refuseConfusable(ids.upc, line)) return null;
    const sku = this.opts.resolvePart(ids);
    if (sku) return sku;
    const label = partLabel(ids);
    this.unknown.set(label, (this.unknown.get(label) ?? 0) + 1);
    return null;
  }

  private refuseConfusable(id: string | undefined, line: number): boolean {
    const char = id ? confusableCharIn(id) : null;
    if (char) this.errors.push({ line, message: confusableMessage(`Part number "${visiblePart(id!)}"`, char) });
    return char !== null;
  }

  private bucket(sku: string, line: number): Totals {
    let t = this.totals.get(sku);
    if (!t) this.totals.set(sku, (t = { sold: null, returned: null, onHand: null, received: null, customerReturns: null, firstLine: line }));
    return t;
  }

  /** Widens the accepted lines' date range (ISO dates compare as strings). */
  private dated(d: string | null): void {
    if (d === null) return;
    if (this.firstDate === null || d < this.firstDate) this.firstDate = d;
    if (this.lastDate === null || d > this.lastDate) this.lastDate = d;
  }

  /** Returns a promise only when a batch goes to `onPosLines` (await it then). */
  pos(p: PosLine): void | Promise<void> {
    this.rowsRead++;
    if (p.movement === "adjustment") {
      const code = p.transferType ?? "adjustment";
      this.adjustments.set(code, (this.adjustments.get(code) ?? 0) + 1);
      this.skipped.push({ line: p.line, reason: `Adjustment (${code}) is not counted as Sold or Returned: adjustments are approved by the manufacturer` });
      return;
    }
    if (p.date && !p.date.startsWith(this.opts.period)) {
      this.outOfPeriod.push({ line: p.line, date: p.date });
      return;
    }
    if (p.invoice && p.invoiceLine) {
      const type = p.transferType ?? "";
      const sameKey = this.seen.seenOrAdd(type, p.invoice, p.invoiceLine);
      const same = this.prints.seenOrAdd(keyPrint(type, p.invoice, smallLine(p.invoiceLine), p.invoiceLine), contentPrint(p));
      if (sameKey && same) {
        const d = { line: p.line, invoice: p.invoice, invoiceLine: p.invoiceLine };
        if (this.opts.duplicates === "drop") {
          this.duplicates.push(d);
          return;
        }
        this.identical.push(d);
      }
    }
    const sku = this.resolve(p.identifiers, p.line);
    if (!sku) return;
    if (p.unit === "") this.units.leftEmpty(p.line);
    else if (p.unit) {
      const units = this.units.inUnits(p.quantity, p.unit, sku, p.line, "QTY03");
      if (units === null) return;
      p.quantity = units;
    }
    this.rowsAccepted++;
    if (p.date) this.dated(p.date);
    const t = this.bucket(sku, p.line);
    t.sold ??= 0;
    t.returned ??= 0;
    if (p.movement === "return_to_vendor") t.returned += Math.abs(p.quantity);
    else {
      const q = p.movement === "customer_return" ? -Math.abs(p.quantity) : p.quantity;
      t.sold += q;
      if (q < 0) this.credits++;
    }
    const resolved = p as ResolvedPosLine; // records are ours: resolve in place, no copy per line
    resolved.sku = sku;
    if (this.opts.onPosLines) {
      this.batch.push(resolved);
      if (this.batch.length >= BATCH) return this.flush();
    } else this.posLines.push(resolved);
  }

  /**
   * Spreadsheet summaries: a SKU's rows (one per location) are added up first and only the SKU's
   * total must not be negative; with `perLocation` the repeats are expected and said once.
   */
  sumRows(perLocation: boolean): void {
    this.rowsOf = new Map();
    this.perLocation = perLocation;
  }
  private rowsOf: Map<string, number[]> | null = null;
  private perLocation = false;

  summary(r: SummaryRow): void {
    this.rowsRead++;
    const sku = this.resolve(r.identifiers, r.line);
    if (!sku) return;
    if (r.units) {
      if (Object.values(r.units).includes("")) this.units.leftEmpty(r.line);
      for (const f of ["sold", "returned", "onHand", "received", "customerReturns"] as const) {
        const unit = r.units[f];
        const v = r[f];
        if (!unit || v === null || v === undefined) continue;
        const units = this.units.inUnits(v, unit, sku, r.line, "ZA03");
        if (units === null) return;
        r[f] = units;
      }
    }
    this.rowsAccepted++;
    const existing = this.totals.get(sku);
    if (existing && !this.perLocation) {
      this.warnings.push({ line: r.line, code: "repeated_sku", message: `${sku} also appears on line ${existing.firstLine}: the figures are added up` });
    }
    const t = this.bucket(sku, r.line);
    t.sold = add(t.sold, r.sold);
    t.returned = add(t.returned, r.returned);
    t.onHand = add(t.onHand, r.onHand);
    t.received = add(t.received, r.received);
    t.customerReturns = add(t.customerReturns, r.customerReturns);
    if (this.rowsOf) {
      const lines = this.rowsOf.get(sku);
      if (lines) lines.push(r.line);
      else this.rowsOf.set(sku, [r.line]);
    }
  }

  /** Summed rows: a SKU whose total on hand / returned / customer returns is negative is rejected with all its rows. */
  private checkSummedTotals(): void {
    if (!this.rowsOf) return;
    let repeated = 0;
    let rows = 0;
    for (const [sku, t] of this.totals) {
      const lines = this.rowsOf.get(sku) ?? [t.firstLine];
      if (lines.length > 1) {
        repeated++;
        rows += lines.length;
      }
      const negative = (["onHand", "returned", "customerReturns"] as const).filter((f) => t[f] !== null && t[f]! < 0);
      if (negative.length === 0) continue;
      const what = negative.map((f) => `${TOTAL_LABEL[f]} ${t[f]}`).join(", ");
      const over = lines.length > 1 ? ` over its ${lines.length} rows (lines ${lines.join(", ")})` : "";
      for (const line of lines) this.errors.push({ line, message: `${sku}: ${what}${over}; a SKU's total cannot be negative` });
      this.rowsAccepted -= lines.length;
      this.totals.delete(sku);
    }
    if (this.perLocation && repeated > 0) {
      this.warnings.push({ code: "locations_added", message: `${repeated} SKU(s) appear on several rows (${rows} rows, one per location): each SKU's rows were added up` });
    }
  }

  /** Hands the last accepted POS lines to `onPosLines` (`finish` does it too). */
  async flush(): Promise<void> {
    if (this.batch.length === 0 || !this.opts.onPosLines) return;
    const b = this.batch;
    this.batch = [];
    await this.opts.onPosLines(b);
  }

  async finish(): Promise<UploadResult> {
    await this.flush();
    this.checkSummedTotals();
    for (const t of this.totals.values()) if (t.customerReturns !== null) t.sold = (t.sold ?? 0) - t.customerReturns;
    for (const [code, n] of this.adjustments) {
      this.warnings.push({ code: "adjustment_not_counted", message: `${n} adjustment line(s) (${code}) were not counted; ask the manufacturer to approve adjustments` });
    }
    if (this.suppressedWarnings > 0) this.warnings.push({ code: "more_warnings", message: `…and ${this.suppressedWarnings} more warnings` });
    for (const [sku, t] of this.totals) {
      if (t.sold !== null && t.sold < 0) this.warnings.push({ code: "credits_exceed_sales", message: `${sku}: credits exceed sales, net sold is ${t.sold}` });
    }
    const lines: SkuTotals[] = [...this.totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([sku, t]) => {
        const l: SkuTotals = { sku, sold: t.sold, returned: t.returned, onHand: t.onHand };
        if (t.received !== null) l.received = t.received;
        if (t.customerReturns !== null) l.customerReturns = t.customerReturns;
        return l;
      });
    const result: UploadResult = {
      format: this.format,
      kind: this.kind,
      rowsRead: this.rowsRead,
      rowsAccepted: this.rowsAccepted,
      errors: this.errors,
      unknownParts: [...this.unknown.entries()].map(([part, rows]) => ({ part, rows })),
      lines,
      outOfPeriod: this.outOfPeriod,
      duplicates: this.duplicates,
      credits: this.credits,
      skipped: this.skipped,
      posLines: this.posLines,
      warnings: this.warnings,
      ...(this.firstDate && this.lastDate ? { dateRange: { first: this.firstDate, last: this.lastDate } } : {}),
    };
    if (this.codeNotes.size > 0) {
      result.codes = [...this.codeNotes.values()];
      // The codes left unused and the unit conversions are warnings too: nothing read differently goes unsaid.
      for (const n of result.codes) {
        if (n.use.startsWith("not ")) this.warnings.push({ code: "code_not_used", message: `${n.code} (${n.meaning}, ${n.count}×): ${n.use}` });
        else if (n.code.startsWith("unit ")) this.warnings.push({ code: "unit", message: `${n.count} line(s) in ${n.meaning} (${n.code.slice(5)}): ${n.use}` });
      }
    }
    if (this.identical.length > 0) {
      result.identicalLines = this.identical;
      this.warnings.push({ code: "identical_lines", message: `${this.identical.length} line(s) repeat an earlier line in every field (invoice, line, part, quantity, date, transfer type, end customer): they are counted; answer whether to keep or drop them` });
    }
    this.units.finish(result, this.warnings);
    return result;
  }
}

/**
 * Pure form: aggregate already-read records (POS lines or summary rows) of one file.
 * Accepted POS lines are resolved in place (they gain `sku`) rather than copied.
 */
export async function aggregate(
  input: { format: Format; kind: Kind; records: (PosLine | SummaryRow)[]; errors?: RowError[]; skipped?: Skipped[] },
  opts: AggregateOptions,
): Promise<UploadResult> {
  const agg = new Aggregator(input.format, input.kind, opts);
  for (const e of input.errors ?? []) agg.error(e);
  for (const s of input.skipped ?? []) agg.skip(s);
  for (const r of input.records) {
    if ("quantity" in r && "movement" in r) await agg.pos(r);
    else agg.summary(r as SummaryRow);
  }
  return agg.finish();
}
