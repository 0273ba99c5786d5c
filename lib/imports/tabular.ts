/**
 * The spreadsheet pipeline shared by CSV and XLSX: read ahead a sample of rows, find the header,
 * map the columns, decide the kind, the number style per column and the date order, then stream
 * every row through {@link convertRow} into the {@link Aggregator}.
 */
import { Aggregator, type AggregateOptions } from "./aggregate";
import { profileColumns, refineMapping } from "./column-values";
import { ImportError } from "./errors";
import { DateOrderEvidence } from "./dates";
import { findHeaderRow } from "./header-row";
import { headerUnitNote, unitInHeader } from "./header-unit";
import { CONFIDENT, columnsOf, headerSignature, suggestMapping } from "./headers";
import { decideKind, hasFigure, hasIdentifier } from "./kind";
import { defaultStyleFor, inferNumberStyle, type InferredStyle, type NumberStyle } from "./numbers";
import { cellText, RowConverter, type ColumnPlan } from "./records";
import { FIELDS, type DateOrder, type Field, type Kind, type Mapping, type Needs, type Layout, type RawRow, type UploadResult, type Warning } from "./types";

/**
 * A large CSV read in two parts at once (`split/csv-split.ts`): `start` learns the plan once the sample
 * has decided it (it may start reading a later part of the file elsewhere); `join` runs before the
 * answer is built, waits for that part and merges it into this one's counts and date evidence.
 */
export interface TableSplit {
  start(plan: ColumnPlan, dates: { assumed: boolean }): void;
  join(agg: Aggregator, evidence: DateOrderEvidence): Promise<void>;
}

export interface TabularOptions extends AggregateOptions {
  format: "csv" | "xlsx";
  mapping?: Mapping;
  kind?: Kind;
  dateOrder?: DateOrder;
  /** The CSV delimiter, a hint for the number convention (`;` files are European). */
  delimiter?: string;
  /** Rows read ahead to decide the header, mapping and conventions. */
  sampleRows?: number;
  /** Stop after the sample: answer the header, its suggestions and the first rows (`layout`), read no row. */
  layoutOnly?: boolean;
  split?: TableSplit;
}

export interface TabularOutcome {
  result: UploadResult;
  needs?: Needs;
  /** How well the header mapped (distinct confident fields): picks the data sheet of a workbook. */
  score: number;
  /** Late rows decided the date order against the assumption: parse again with this order. */
  restartWith?: DateOrder;
  /** `layoutOnly`: the header, suggestions and first rows. */
  layout?: Layout;
}

const SAMPLE_ROWS = 2000;
const QUANTITY_FIELDS: Field[] = ["quantity", "sold", "returned", "onHand", "customerReturns"];
/** How a question names a field. */
const FIELD_WORDS: Partial<Record<Field, string>> = {
  quantity: "the quantity per line", sold: "units sold", returned: "units returned to the manufacturer", onHand: "units on hand",
  customerReturns: "customer returns", date: "the date",
};

export async function readTable(batches: AsyncIterable<RawRow[]>, opts: TabularOptions): Promise<TabularOutcome> {
  const it = batches[Symbol.asyncIterator]();
  const sample: RawRow[] = [];
  let rest: RawRow[] = [];
  let nonBlank = 0;
  let exhausted = false;
  const limit = opts.sampleRows ?? SAMPLE_ROWS;
  while (nonBlank < limit) {
    const r = await it.next();
    if (r.done) {
      exhausted = true;
      break;
    }
    for (let i = 0; i < r.value.length; i++) {
      if (nonBlank >= limit) {
        rest = r.value.slice(i);
        break;
      }
      sample.push(r.value[i]);
      if (r.value[i].cells.some((c) => cellText(c) !== "")) nonBlank++;
    }
  }

  const h = findHeaderRow(sample);
  if (h < 0) throw new ImportError("empty", opts.format === "xlsx" ? "The sheet has no rows" : "The file has no rows");
  const headers = trimEnd(sample[h].cells.map(cellText));
  const data = sample.slice(h + 1);
  // The header words suggest, the sampled values correct (part numbers, dates, amounts).
  const profiles = profileColumns(headers.length, data.map((r) => r.cells), opts.resolvePart);
  const suggested = refineMapping(suggestMapping(headers), headers, profiles);
  const mapping = opts.mapping ? normaliseMapping(opts.mapping) : suggested.mapping;
  const notes: Warning[] = opts.mapping ? [] : suggested.notes.map((message) => ({ code: "column_values", message }));
  const score = new Set(Object.entries(suggested.mapping).filter(([i, f]) => f && suggested.confidence[+i] >= CONFIDENT).map(([, f]) => f)).size;
  const signature = headerSignature(headers);
  if (opts.layoutOnly) {
    const empty = await new Aggregator(opts.format, "pos_lines", opts).finish();
    const layout: Layout = { signature, headers, preview: previewOf(data), suggested: suggested.mapping, confidence: suggested.confidence };
    return { result: { ...empty, headers, headerLine: sample[h].line, headerSignature: signature }, layout, score };
  }
  const decision = decideKind(mapping, opts.kind);
  const cols = { ...columnsOf(mapping) };
  if (decision.kind === "pos_lines") {
    if (decision.quantityColumn !== undefined) cols.quantity = decision.quantityColumn;
    delete cols.sold;
    delete cols.onHand;
    delete cols.returned;
    delete cols.customerReturns;
    delete cols.location;
  } else if (decision.soldColumn !== undefined) {
    cols.sold = decision.soldColumn;
    delete cols.quantity;
  }

  // A figure column whose header names cases, boxes or dozens counts in them (a unit column's value wins per row).
  const units: Partial<Record<Field, string>> = {};
  for (const f of QUANTITY_FIELDS) {
    const u = cols[f] === undefined ? null : unitInHeader(headers[cols[f]!] ?? "");
    if (!u) continue;
    units[f] = u;
    notes.push({ code: "unit", message: headerUnitNote(headers[cols[f]!] ?? "", u) });
  }
  const unitHeader = cols.unit !== undefined ? headers[cols.unit] : Object.keys(units).map((f) => headers[cols[f as Field]!]).find(Boolean);
  const agg = new Aggregator(opts.format, decision.kind, unitHeader ? { ...opts, unitColumn: unitHeader } : opts);
  const confident = (f: Field[]) => f.some((k) => cols[k] !== undefined && (opts.mapping || (suggested.confidence[cols[k]!] ?? 0) >= CONFIDENT));
  const usable = hasIdentifier(mapping) && hasFigure(mapping) && (decision.kind === "summary" || cols.quantity !== undefined);
  const reasons = opts.mapping ? [] : questions(mapping, suggested.confidence, headers, decision.kind);
  if (!usable || !confident(["sku", "distributorPart", "upc"]) || !confident(QUANTITY_FIELDS) || reasons.length > 0) {
    const result = await agg.finish();
    const preview = previewOf(data);
    if (!hasIdentifier(mapping) || !confident(["sku", "distributorPart", "upc"])) reasons.unshift("Which column holds the part number?");
    if (!usable || !confident(QUANTITY_FIELDS)) reasons.push("Which column holds the quantities?");
    return {
      result: { ...result, rowsRead: 0, headers, headerLine: sample[h].line, headerSignature: signature, warnings: notes },
      needs: { mapping: true, suggested: suggested.mapping, confidence: suggested.confidence, headers, preview, reasons: [...new Set(reasons)] },
      score,
    };
  }
  if (decision.kind === "summary") agg.sumRows(cols.location !== undefined);

  // Number convention per numeric column, from the sample; columns without evidence follow the file.
  const styles: Record<number, NumberStyle> = {};
  let fileStyle: InferredStyle = defaultStyleFor(opts.delimiter);
  const values = (c: number) => data.map((r) => r.cells[c] ?? null);
  for (const f of QUANTITY_FIELDS) {
    if (cols[f] === undefined) continue;
    const inferred = inferNumberStyle(values(cols[f]!), { integer: true, fallback: fileStyle });
    styles[cols[f]!] = inferred.style;
    if (inferred.evidence !== "default" && fileStyle.evidence === "default") fileStyle = inferred;
  }
  if (cols.unitPrice !== undefined) styles[cols.unitPrice] = inferNumberStyle(values(cols.unitPrice), { integer: false, fallback: fileStyle }).style;

  // Day/month order: given, or decided by the sample, or assumed MDY until a later row decides.
  const evidence = new DateOrderEvidence(opts.period);
  if (cols.date !== undefined) for (const r of data) evidence.add(r.cells[cols.date] ?? null);
  const sampled = evidence.result();
  const dateOrder: DateOrder = opts.dateOrder ?? sampled.order ?? "MDY";
  const assumed = !opts.dateOrder && !sampled.order;

  const plan: ColumnPlan = { kind: decision.kind, cols, headers, styles, dateOrder, ...(Object.keys(units).length > 0 ? { units } : {}) };
  const converter = new RowConverter(plan);
  const consume = (row: RawRow) => consumeRow(converter, agg, row);
  if (decision.kind === "pos_lines") opts.split?.start(plan, { assumed });
  const consumeAll = async (rows: RawRow[], late: boolean) => {
    for (const row of rows) {
      if (late && assumed && cols.date !== undefined) evidence.add(row.cells[cols.date] ?? null);
      const pending = consume(row);
      if (pending) await pending;
    }
  };
  await consumeAll(data, false);
  await consumeAll(rest, true);
  if (!exhausted) for (let r = await it.next(); !r.done; r = await it.next()) await consumeAll(r.value, true);
  await opts.split?.join(agg, evidence);

  const final = evidence.result(true);
  const finished = await agg.finish();
  if (decision.kind === "pos_lines" && cols.date === undefined) {
    finished.warnings.unshift({ code: "no_date_column", message: `No date column: every line was counted in ${opts.period} without a date check` });
  }
  finished.warnings.unshift(...notes);
  const result: UploadResult = {
    ...finished,
    headerLine: sample[h].line,
    headers,
    mapping,
    headerSignature: signature,
  };
  if (cols.date !== undefined && (opts.dateOrder || final.order || final.ambiguous)) result.dateOrder = dateOrder;
  if (opts.delimiter) result.delimiter = opts.delimiter;
  if (final.byPeriod && final.order === dateOrder) {
    const order = dateOrder === "DMY" ? "day/month" : "month/day";
    result.warnings.push({ code: "date_order", message: `Dates like ${final.example ?? "03/04"} fit both day/month orders: read as ${order}, the only order that puts them in ${opts.period}` });
  }
  if (final.conflict) result.warnings.push({ code: "date_order", message: "Dates in this file fit both day/month orders on different rows; rows that do not fit the majority are listed as errors" });
  if (assumed && final.order && final.order !== dateOrder) return { result, score, restartWith: final.order };
  const needs: Needs | undefined = assumed && final.ambiguous ? { dateOrder: true, assumed: dateOrder } : undefined;
  return { result, needs, score };
}

/**
 * What must be asked before summing with a suggested mapping: a figure or date column matched
 * without confidence, or a line-level file (a quantity per invoice line) with no date column.
 */
function questions(mapping: Mapping, confidence: Record<number, number>, headers: string[], kind: Kind): string[] {
  const out: string[] = [];
  for (const [k, f] of Object.entries(mapping)) {
    const c = Number(k);
    if (!f || !(QUANTITY_FIELDS.includes(f) || f === "date") || (confidence[c] ?? 0) >= CONFIDENT) continue;
    out.push(`Does “${headers[c] || `column ${c + 1}`}” hold ${FIELD_WORDS[f]}? It was matched by its name alone, without certainty`);
  }
  if (kind === "pos_lines" && columnsOf(mapping).date === undefined) {
    out.push("This file has a quantity per invoice line but no date column was found: which column holds the date?");
  }
  return out;
}

/** One data row into the aggregator; returns a promise only when accepted lines are being handed to the sink. */
export function consumeRow(converter: RowConverter, agg: Aggregator, row: RawRow): void | Promise<void> {
  const out = converter.convert(row);
  if (out.t === "blank") return;
  if (out.t === "skip") agg.skip({ line: row.line, reason: out.reason });
  else if (out.t === "error") agg.error(out.error);
  else {
    if (out.warnings) for (const w of out.warnings) agg.warn({ line: row.line, code: "row_value", message: w });
    if ("movement" in out.record) return agg.pos(out.record);
    agg.summary(out.record);
  }
}

/** The first five non-blank data rows as text (the mapping step's preview). */
function previewOf(data: readonly RawRow[]): string[][] {
  return data.filter((r) => r.cells.some((c) => cellText(c) !== "")).slice(0, 5).map((r) => r.cells.map(cellText));
}

function trimEnd(cells: string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/** Accepts JSON-ish mappings ({ "0": "sku" }); anything but a known field means "ignore". */
function normaliseMapping(m: Mapping): Mapping {
  const out: Mapping = {};
  for (const [k, v] of Object.entries(m)) {
    if (/^\d+$/.test(k)) out[Number(k)] = v && (FIELDS as readonly string[]).includes(v) ? v : null;
  }
  return out;
}
