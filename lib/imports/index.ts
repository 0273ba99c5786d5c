/**
 * Distributor file imports: CSV/TSV (any delimiter, encoding, preamble), XLSX and X12 852/867 →
 * per-SKU totals for one period, with every row accounted for. Pure: no database, no Next.js.
 *
 *   const result = await parseUpload({ bytes, period: "2026-10", resolvePart });
 *   if (result.needs) ask the user (mapping / date order / sheet) and call again with the answer.
 *
 * Large files stream: pass `bytes` as an async iterable (a request body, fs.createReadStream) or,
 * better, a factory `() => fs.createReadStream(tmp)` so the file can be read again if a late row
 * decides the date order; pass `onPosLines` to receive accepted POS lines in batches instead of
 * holding them in the answer.
 */
import { z } from "zod";
import { coverageMessage, coverageOf } from "./coverage";
import { decodeBuffer, decodeChunks, sniffEncoding, StreamDecoder } from "./decode";
import { DETECT_BYTES, detectContainer, UNSUPPORTED_MESSAGE } from "./detect-format";
import { openDelimited } from "./delimited";
import { ImportError } from "./errors";
import { collect, DEFAULT_MAX_BYTES, isRereadable, openBytes, peek, type ByteSource } from "./source";
import { CsvSplit, SplitAbandoned, type SplitInput } from "./split";
import { readTable } from "./tabular";
import { FIELDS, type DateOrder, type Kind, type Layout, type Mapping, type ParseOutcome, type PartResolver, type ResolvedPosLine } from "./types";
import { Aggregator } from "./aggregate";
import { readX12 } from "./x12";
import { readXlsx } from "./xlsx";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip-guard";

export interface ParseUploadInput {
  bytes: ByteSource;
  /** "YYYY-MM" */
  period: string;
  resolvePart: PartResolver;
  /** A confirmed or remembered mapping (column index → field); skips the suggestion. */
  mapping?: Mapping;
  kind?: Kind;
  dateOrder?: DateOrder;
  /** XLSX: the sheet to read. */
  sheet?: string;
  /** Default 200 MB. */
  maxBytes?: number;
  zipLimits?: Partial<ZipLimits>;
  /** Receives accepted POS lines in batches of 1,000; `posLines` in the answer stays empty. */
  onPosLines?: (batch: ResolvedPosLine[]) => void | Promise<void>;
  /** Called before the file is read a second time (a late row decided the date order): discard what `onPosLines` got. */
  onRestart?: () => void | Promise<void>;
  onProgress?: (p: { bytesRead: number }) => void;
  /** Read the header and a sample only: the answer's `layout` (see {@link probeLayout}). */
  layoutOnly?: boolean;
  /** Large line-level CSV files: read the second half on a worker thread at the same time (`csv-split.ts`). */
  split?: SplitInput;
  /** Lines identical in every field: "keep" (default: counted, and asked about) or "drop" (the distributor's answer). */
  duplicates?: "keep" | "drop";
  /** Units per case/box/pack of a SKU as the catalogue knows it (null: unknown). */
  packSize?: (sku: string, unit: string) => number | null | undefined;
  /** The distributor's answers to `needs.packSizes`: SKU → units per pack, for the packs the catalogue has no size for. */
  packSizes?: Record<string, number>;
}

const optionsSchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "period must be YYYY-MM"),
  mapping: z.record(z.string().regex(/^\d+$/, "mapping keys are column indexes"), z.enum(FIELDS).nullable()).optional(),
  kind: z.enum(["pos_lines", "summary"]).optional(),
  dateOrder: z.enum(["MDY", "DMY"]).optional(),
  sheet: z.string().min(1).optional(),
  maxBytes: z.number().int().positive().optional(),
  duplicates: z.enum(["keep", "drop"]).optional(),
  packSizes: z.record(z.string().min(1), z.number().int().positive().max(1_000_000)).optional(),
});

/** The questions the aggregator's lists raise, added to `needs` (duplicates to keep or drop, pack sizes). */
function withQuestions(o: ParseOutcome, input: ParseUploadInput): ParseOutcome {
  const needs = { ...o.needs };
  if (o.identicalLines?.length && input.duplicates !== "keep") needs.duplicates = { lines: o.identicalLines.map((d) => d.line), count: o.identicalLines.length };
  if (o.packSizesNeeded?.length) needs.packSizes = o.packSizesNeeded;
  if (Object.keys(needs).length > 0) o.needs = needs;
  return o;
}

export async function parseUpload(input: ParseUploadInput): Promise<ParseOutcome> {
  return withCoverage(await parseOnce(input), input.period);
}

/** Says which days of the period the file covers, and warns when it is part of the month. */
function withCoverage(out: ParseOutcome, period: string): ParseOutcome {
  if (out.needs?.mapping) return out;
  const c = coverageOf(period, out.filePeriod, out.dateRange);
  if (!c) return out;
  out.coverage = c;
  if (c.partial) out.warnings.unshift({ code: "partial_coverage", message: coverageMessage(c) });
  return out;
}

async function parseOnce(input: ParseUploadInput): Promise<ParseOutcome> {
  const parsed = optionsSchema.safeParse({ ...input, bytes: undefined, resolvePart: undefined });
  if (!parsed.success) throw new ImportError("invalid_options", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  if (input.packSizes) {
    const answered = input.packSizes;
    const catalogue = input.packSize;
    input = { ...input, packSize: (sku, unit) => catalogue?.(sku, unit) ?? answered[sku] };
  }
  let first = await attempt(input, input.dateOrder, true);
  if (first.abandoned) {
    await input.onRestart?.();
    first = await attempt(input, input.dateOrder, false);
  }
  if (!first.restartWith) return withQuestions(first.outcome!, input);
  if (isRereadable(input.bytes)) {
    await input.onRestart?.();
    return withQuestions((await attempt(input, first.restartWith, true)).outcome ?? (await restartOnePass(input, first.restartWith)), input);
  }
  const out = first.outcome!;
  out.warnings.push({ code: "date_order", message: `Rows after the first 2,000 show the dates are ${first.restartWith === "DMY" ? "day/month" : "month/day"}; the file was read as month/day. Upload it again with that date order.` });
  out.needs = { ...out.needs, dateOrder: true, assumed: out.dateOrder };
  return withQuestions(out, input);
}

async function restartOnePass(input: ParseUploadInput, dateOrder: DateOrder): Promise<ParseOutcome> {
  await input.onRestart?.();
  return (await attempt(input, dateOrder, false)).outcome!;
}

interface Attempt {
  outcome?: ParseOutcome;
  restartWith?: DateOrder;
  /** The two-part read could not be vouched for: read again in one pass. */
  abandoned?: boolean;
}

async function attempt(input: ParseUploadInput, dateOrder: DateOrder | undefined, maysplit: boolean): Promise<Attempt> {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  let split: CsvSplit | null = null;
  let mainBytes = 0;
  const progress = input.onProgress
    ? (bytesRead: number) => {
        mainBytes = bytesRead;
        input.onProgress!({ bytesRead: bytesRead + (split?.laterBytes ?? 0) });
      }
    : undefined;
  const { head, all } = await peek(openBytes(input.bytes, maxBytes, progress), DETECT_BYTES);
  let container = detectContainer(head);
  if (container === "delimited" && head.includes(0) && !sniffEncoding(head, false).encoding.startsWith("utf-16")) {
    throw new ImportError("unsupported", "This is not a text, Excel or EDI file (it contains binary data)");
  }
  if (container === "delimited" && sniffEncoding(head, false).encoding.startsWith("utf-16")) {
    // X12 saved as UTF-16 is rare but cheap to recognise.
    if (decodeBuffer(head.subarray(0, head.length & ~1)).text.trimStart().startsWith("ISA")) container = "x12";
  }
  const common = { period: input.period, resolvePart: input.resolvePart, onPosLines: input.onPosLines, duplicates: input.duplicates, packSize: input.packSize, layoutOnly: input.layoutOnly };

  if (container === "xlsx") {
    const buf = await collect(all);
    const zipLimits = { ...DEFAULT_ZIP_LIMITS, ...input.zipLimits };
    const o = await readXlsx(buf, { ...common, format: "xlsx", mapping: input.mapping, kind: input.kind, dateOrder, sheet: input.sheet, zipLimits });
    const outcome: ParseOutcome = { ...o.result, sheet: o.sheet, ...(o.layout ? { layout: o.layout } : {}) };
    const needs = { ...o.needs };
    if (!input.sheet && o.candidates.length > 1) needs.sheet = o.candidates;
    if (Object.keys(needs).length > 0) outcome.needs = needs;
    return { outcome, restartWith: o.restartWith };
  }

  const decoder = new StreamDecoder();
  const text = () => decodeChunks(split ? split.gate(all) : all, decoder);
  const decoderWarnings = () => decoder.warnings.map((message) => ({ code: "encoding", message }));

  // An EDI file has no columns to map: a layout probe reads nothing of it.
  if (container === "x12" && input.layoutOnly) return { outcome: await new Aggregator("x12-867", "pos_lines", common).finish() };
  if (container === "x12") {
    const result = await readX12(text(), common);
    const { separators: _separators, ...rest } = result;
    return { outcome: { ...rest, encoding: decoder.encoding ?? undefined, warnings: [...rest.warnings, ...decoderWarnings()] } };
  }
  if (container !== "delimited") throw new ImportError(container === "empty" ? "empty" : "unsupported", UNSUPPORTED_MESSAGE[container] ?? "Unsupported file");

  // The part reader on the other thread keeps every line; a "drop" answer reads in one pass.
  if (maysplit && input.split && input.onPosLines && input.duplicates !== "drop") {
    const onPart = input.onProgress ? (bytes: number) => input.onProgress!({ bytesRead: mainBytes + bytes }) : undefined;
    split = await CsvSplit.open(input.split, sniffEncoding(head, false).encoding, input.period, onPart);
  }
  let o: Awaited<ReturnType<typeof readTable>>;
  let delimited: Awaited<ReturnType<typeof openDelimited>>;
  try {
    delimited = await openDelimited(text());
    split?.bind(delimited, () => decoder.warnings.length === 0);
    o = await readTable(delimited.batches, { ...common, format: "csv", mapping: input.mapping, kind: input.kind, dateOrder, delimiter: delimited.delimiter, split: split ?? undefined });
  } catch (e) {
    if (e instanceof SplitAbandoned) return { abandoned: true };
    throw e;
  } finally {
    split?.dispose();
  }
  const outcome: ParseOutcome = {
    ...o.result,
    encoding: decoder.encoding ?? undefined,
    delimiter: delimited.delimiter,
    warnings: [...o.result.warnings, ...decoderWarnings(), ...delimited.problems.map((p) => ({ line: p.line, code: "row_value", message: `Quotes: ${p.message}` }))],
  };
  if (o.needs) outcome.needs = o.needs;
  if (o.layout) outcome.layout = o.layout;
  return { outcome, restartWith: o.restartWith };
}

/**
 * The layout of a spreadsheet-like file from its first rows — header, signature, suggested mapping
 * with confidences, first five rows — without reading the rest (the mapping step shows it even when
 * a remembered mapping read the file). null for X12 (no columns to map).
 */
export async function probeLayout(input: Pick<ParseUploadInput, "bytes" | "period" | "resolvePart" | "sheet" | "maxBytes" | "zipLimits">): Promise<Layout | null> {
  const o = await parseUpload({ ...input, layoutOnly: true, onPosLines: () => {} });
  return o.layout ?? null;
}

export { ImportError, isImportError, type ImportErrorCode } from "./errors";
export { aggregate, Aggregator } from "./aggregate";
export { createPartResolver, type ResolverTables } from "./resolver";
export { suggestMapping, headerSignature, matchHeader, normalizeHeader, CONFIDENT } from "./headers";
export { decideKind } from "./kind";
export { parseQuantity, parsePrice, inferNumberStyle } from "./numbers";
export { parseDate, inferDateOrder, excelSerialToIso } from "./dates";
export { decodeBuffer, sniffEncoding, StreamDecoder } from "./decode";
export { detectContainer } from "./detect-format";
export { detectDelimiter, openDelimited } from "./delimited";
export { readX12 } from "./x12";
export { inspectZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip-guard";
export { DEFAULT_MAX_BYTES, type ByteSource } from "./source";
export type { SplitInput } from "./split";
export * from "./types";
export { needsIndex, needsList, type NeedItem } from "./needs";
