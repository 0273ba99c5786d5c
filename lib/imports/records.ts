/**
 * One spreadsheet row → one record (POS line or summary row), an error, a skip (totals row,
 * repeated header) or nothing (blank line), given the column plan decided for the file.
 * Built once per file and called per row, so it avoids per-row closures and re-parsing repeated
 * date strings (a million-line file has a few hundred distinct dates).
 */
import { parseDate, type DateParse } from "./dates";
import { normalizeHeader } from "./headers";
import { parsePrice, parseQuantity, type NumberStyle } from "./numbers";
import type { Cell, DateOrder, Field, Kind, PartIds, PosLine, RawRow, RowError, SummaryRow } from "./types";

export interface ColumnPlan {
  kind: Kind;
  /** Field → column index, after the kind decision (POS: `quantity`; summary: `sold`…). */
  cols: Partial<Record<Field, number>>;
  headers: string[];
  /** Decimal mark per numeric column. */
  styles: Record<number, NumberStyle>;
  dateOrder: DateOrder;
  /** The unit a figure column's header names ("Qty (cases)" → CA); a unit column's value wins. */
  units?: Partial<Record<Field, string>>;
}

export type RowOutcome =
  | { t: "record"; record: PosLine | SummaryRow; warnings?: string[] }
  | { t: "error"; error: RowError }
  | { t: "skip"; reason: string }
  | { t: "blank" };

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c.trim();
  if (c instanceof Date) return Number.isFinite(c.getTime()) ? c.toISOString().slice(0, 10) : "";
  return String(c).trim();
}

const TOTALS = /^(?:grand\s*|sub\s*)?totals?\b|^summe\b|^gesamt|^zwischensumme|^totaal|^totale?\b|^sum$/i;
const ID_FIELDS = ["sku", "distributorPart", "upc"] as const;
const TEXT_FIELDS = ["invoice", "invoiceLine", "endCustomer", "shipToCity", "shipToState", "shipToCountry", "description"] as const;
const SUMMARY_FIGURES = ["sold", "returned", "onHand", "customerReturns"] as const;
const NUMBERISH = /^[-+()\d\s.,’']+$/;
const DATE_CACHE_LIMIT = 20_000;
const BLANK: RowOutcome = { t: "blank" };

/** Every cell empty or whitespace (checked per row: the usual non-blank row answers at its first cell). */
function isBlank(cells: Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === "") continue;
    if (typeof c === "string" && c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127) return false;
    if (cellText(c) !== "") return false;
  }
  return true;
}

/** "123" or "-45" (up to 8 digits: what parseQuantity's fast path accepts) → the number; else null. */
function plainInt(s: string): number | null {
  const neg = s.charCodeAt(0) === 45;
  const start = neg ? 1 : 0;
  const len = s.length - start;
  if (len < 1 || len > 8) return null;
  let n = 0;
  for (let i = start; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return neg && n !== 0 ? -n : n;
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * "3.5936" (1–9 digits, optionally "." and 1–6 more: what parsePrice's fast path accepts with a
 * decimal point) → the number, else NaN. One division of exact integers: the same double as
 * `Number(s)`, without a regex and a result object per row.
 */
export function plainDecimal(s: string): number {
  const n = s.length;
  let int = 0;
  let i = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    int = int * 10 + d;
  }
  if (i === 0 || i > 9) return NaN;
  if (i === n) return int;
  if (s.charCodeAt(i) !== 46) return NaN;
  const digits = n - i - 1;
  if (digits < 1 || digits > 6) return NaN;
  let frac = 0;
  for (let j = i + 1; j < n; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return NaN;
    frac = frac * 10 + d;
  }
  return (int * POW10[digits]! + frac) / POW10[digits]!;
}

/** {@link TOTALS} can only match text starting (after spaces) with g, s, t or z. */
function mayBeTotals(s: string): boolean {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 32) i++;
  if (i === s.length) return false;
  const c = s.charCodeAt(i) | 32;
  return c === 103 || c === 115 || c === 116 || c === 122 || s.charCodeAt(i) > 127;
}

export class RowConverter {
  private readonly headerNorm: string[];
  private readonly firstHeader: string;
  private readonly dates = new Map<string, DateParse>();
  private readonly problems: RowError[] = [];
  /** Column, field, column, field… of the text fields present (in TEXT_FIELDS order). */
  private readonly textCols: (number | string)[] = [];
  private line = 0;

  /** Columns of sku, distributorPart, upc (-1: not in the file). */
  private readonly idCols: [number, number, number];

  constructor(private readonly plan: ColumnPlan) {
    this.idCols = [plan.cols.sku ?? -1, plan.cols.distributorPart ?? -1, plan.cols.upc ?? -1];
    this.headerNorm = plan.headers.map(normalizeHeader);
    this.firstHeader = (plan.headers[0] ?? "").trim().toLowerCase();
    // A POS line's description is not kept (the catalogue has ours): not read per row.
    for (const f of TEXT_FIELDS) if (plan.cols[f] !== undefined && !(plan.kind === "pos_lines" && f === "description")) this.textCols.push(plan.cols[f]!, f);
  }

  private label(f: Field): string {
    const c = this.plan.cols[f]!;
    return this.plan.headers[c] || `column ${c + 1}`;
  }
  private cell(row: RawRow, f: Field): Cell {
    const c = this.plan.cols[f];
    return c === undefined ? null : (row.cells[c] ?? null);
  }
  private text(row: RawRow, f: Field): string | undefined {
    return cellText(this.cell(row, f)) || undefined;
  }
  /**
   * The unit of a figure: the row's unit column, else the unit the figure's header names; undefined =
   * units. "" = the file has a unit column but this row leaves it empty: counted as units, and said.
   */
  private unitOf(row: RawRow, f: Field): string | undefined {
    const c = this.plan.cols.unit;
    const own = c === undefined ? "" : cellText(row.cells[c] ?? null);
    return own || this.plan.units?.[f] || (c === undefined ? undefined : "");
  }
  private fail(f: Field, message: string): void {
    this.problems.push({ line: this.line, column: this.label(f), message });
  }
  private qty(row: RawRow, f: Field, required: boolean): number | null | undefined {
    const c = this.plan.cols[f];
    if (c === undefined) return undefined;
    const raw = row.cells[c] ?? null;
    if (typeof raw === "string") {
      const n = plainInt(raw);
      if (n !== null) return n;
    }
    const r = parseQuantity(raw, this.plan.styles[c] ?? { decimal: "." });
    if (!r.ok) this.fail(f, r.message);
    else if (r.value === null && required) this.fail(f, "Quantity is missing");
    return r.ok ? r.value : undefined;
  }
  private date(raw: Cell): DateParse {
    if (typeof raw !== "string") return parseDate(raw, this.plan.dateOrder);
    let d = this.dates.get(raw);
    if (!d) {
      d = parseDate(raw, this.plan.dateOrder);
      if (this.dates.size < DATE_CACHE_LIMIT) this.dates.set(raw, d);
    }
    return d;
  }

  /** Totals rows: "Total"/"Grand total"/"Summe"… in a part column or as the row's first text. */
  private totalsLabel(row: RawRow): string | null {
    let first: Cell | undefined;
    for (const c of row.cells) {
      if (c !== null && c !== "" && cellText(c) !== "") {
        first = c;
        break;
      }
    }
    if (typeof first === "string" && mayBeTotals(first) && TOTALS.test(first.trim())) return first.trim();
    for (const f of ID_FIELDS) {
      const c = this.cell(row, f);
      if (typeof c === "string" && mayBeTotals(c) && TOTALS.test(c.trim())) return c.trim();
    }
    return null;
  }

  private isRepeatedHeader(row: RawRow): boolean {
    const h = this.headerNorm;
    if (h.length < 2) return false;
    const first = cellText(row.cells[0]);
    // Lower-casing keeps the length but for "İ": a different length rules the header out cheaply.
    if (first.length !== this.firstHeader.length && !first.includes("\u0130")) return false;
    if (first.toLowerCase() !== this.firstHeader) return false;
    return h.every((n, i) => normalizeHeader(cellText(row.cells[i])) === n);
  }

  convert(row: RawRow): RowOutcome {
    const { cols, kind } = this.plan;
    if (isBlank(row.cells)) return BLANK;
    const total = this.totalsLabel(row);
    if (total) return { t: "skip", reason: `Totals row ("${total}")` };
    if (this.isRepeatedHeader(row)) return { t: "skip", reason: "The header row repeated" };

    this.problems.length = 0;
    this.line = row.line;
    // One shape for every row's identifiers (absent ones undefined): the resolver stays monomorphic.
    const [skuCol, partCol, upcCol] = this.idCols;
    const identifiers: PartIds = {
      sku: skuCol < 0 ? undefined : cellText(row.cells[skuCol] ?? null) || undefined,
      distributorPart: partCol < 0 ? undefined : cellText(row.cells[partCol] ?? null) || undefined,
      upc: upcCol < 0 ? undefined : cellText(row.cells[upcCol] ?? null) || undefined,
    };
    if (!identifiers.sku && !identifiers.distributorPart && !identifiers.upc) {
      const otherText = row.cells.some((c) => typeof c === "string" && c.trim() !== "" && !NUMBERISH.test(c));
      if (!otherText) return { t: "skip", reason: "No part number and only numbers: a totals or subtotal row" };
      const f = ID_FIELDS.find((k) => cols[k] !== undefined);
      if (!f) return { t: "error", error: { line: row.line, message: "No part number column" } };
      this.fail(f, "Part number is missing");
    }
    return kind === "pos_lines" ? this.pos(row, identifiers) : this.summary(row, identifiers);
  }

  private pos(row: RawRow, identifiers: PartIds): RowOutcome {
    const { cols, styles } = this.plan;
    const quantity = this.qty(row, "quantity", true);
    let date: string | undefined;
    if (cols.date !== undefined) {
      const d = this.date(this.cell(row, "date"));
      if (!d.ok) this.fail("date", d.message);
      else if (d.value === null) this.fail("date", "Date is missing");
      else date = d.value;
    }
    let unitPrice: number | undefined;
    let warnings: string[] | undefined;
    if (cols.unitPrice !== undefined) {
      const raw = row.cells[cols.unitPrice] ?? null;
      const style = styles[cols.unitPrice] ?? { decimal: "." };
      const fast = typeof raw === "string" && style.decimal === "." ? plainDecimal(raw) : NaN;
      if (fast === fast) unitPrice = fast;
      else {
        const p = parsePrice(raw, style);
        if (p.ok) unitPrice = p.value ?? undefined;
        else warnings = [`${this.label("unitPrice")}: ${p.message}; the line is kept without a price`];
      }
    }
    if (this.problems.length > 0) return { t: "error", error: merge(this.problems) };
    // Every field present from the start, in one order: a million records share one hidden class, so
    // the readers downstream (aggregator, block writer) stay monomorphic. Absent fields are undefined.
    const record: PosLine = {
      line: row.line, movement: "sell_through", transferType: undefined, identifiers, quantity: quantity!, date: date || undefined, invoice: undefined,
      invoiceLine: undefined, unitPrice, endCustomer: undefined, shipToCity: undefined, shipToState: undefined, shipToCountry: undefined, description: undefined,
      unit: this.unitOf(row, "quantity"),
    };
    const text = this.textCols;
    for (let i = 0; i < text.length; i += 2) {
      const v = cellText(row.cells[text[i] as number] ?? null);
      if (v) record[text[i + 1] as (typeof TEXT_FIELDS)[number]] = v;
    }
    return { t: "record", record, warnings };
  }

  private summary(row: RawRow, identifiers: PartIds): RowOutcome {
    const { cols } = this.plan;
    const sold = this.qty(row, "sold", false);
    const returned = this.qty(row, "returned", false);
    const onHand = this.qty(row, "onHand", false);
    const customerReturns = this.qty(row, "customerReturns", false);
    // Negative figures are checked on the SKU's total (a −5 correction at one location is normal): see Aggregator.
    if (this.problems.length === 0 && [sold, returned, onHand, customerReturns].every((v) => v === null || v === undefined)) {
      const f = (["sold", "onHand", "returned", "customerReturns"] as const).find((k) => cols[k] !== undefined);
      if (!f) return { t: "error", error: { line: row.line, message: "No quantity column" } };
      this.fail(f, "No figure on this row");
    }
    if (this.problems.length > 0) return { t: "error", error: merge(this.problems) };
    const record: SummaryRow = { line: row.line, identifiers };
    if (sold !== undefined) record.sold = sold;
    if (returned !== undefined) record.returned = returned;
    if (onHand !== undefined) record.onHand = onHand;
    if (customerReturns !== undefined) record.customerReturns = customerReturns;
    if (this.plan.cols.unit !== undefined || this.plan.units) {
      const units: NonNullable<SummaryRow["units"]> = {};
      for (const f of SUMMARY_FIGURES) {
        const u = record[f] === undefined ? undefined : this.unitOf(row, f);
        if (u !== undefined) units[f] = u;
      }
      if (Object.keys(units).length > 0) record.units = units;
    }
    const description = this.text(row, "description");
    if (description) record.description = description;
    return { t: "record", record };
  }
}

/** One error per rejected row: the first column, every reason. */
function merge(problems: RowError[]): RowError {
  if (problems.length === 1) return problems[0];
  return {
    line: problems[0].line,
    column: problems[0].column,
    message: problems.map((p, i) => (i === 0 ? p.message : `${p.column}: ${p.message}`)).join("; "),
  };
}
