/**
 * `readCsvPart(range, plan, sink)` → `CsvPartResult`
 *
 * Reads a LATER part of a large delimited file — bytes [start, end), `start` just after a line
 * break — the way the main reader would have read it, with the main reader's plan (columns, number
 * styles, date order): rows are split, converted and aggregated, and the accepted POS lines are
 * written as stored blocks (`pos-blocks.ts`) handed to `sink.block` as they fill. Runs on a worker
 * thread (`csv-part-worker.ts`) while the main reader reads the first part; `csv-split.ts` merges
 * the answer. Pure: no database.
 *
 * Line numbers are the file's own: the line breaks before `start` are counted first (LF, CRLF and a
 * lone CR each count once, as the row reader counts them), so the part's first row has the number
 * the main reader will have reached — `csv-split.ts` checks that it did.
 */
import fs from "node:fs";
import { Aggregator, type AggregatorState } from "../aggregate";
import { DateOrderEvidence } from "../dates";
import { decodeChunks, StreamDecoder, type TextEncoding } from "../decode";
import { openDelimited, type Delimiter } from "../delimited";
import { PosBlockBuilder } from "./pos-blocks";
import { RowConverter, type ColumnPlan } from "../records";
import { createPartResolver } from "../resolver";
import { consumeRow } from "../tabular";

/** Where the later part is: known before the plan, so its line breaks can be counted early. */
export interface CsvPartRange {
  /** The spooled file's path, or the whole file's bytes. */
  source: string | Uint8Array;
  start: number;
  end: number;
  /**
   * The file (a spooled body) is still being written: reads wait for bytes up to `end` instead of
   * stopping at the current end of the file. The main thread ends this reader if the body fails.
   */
  growing?: boolean;
}

/** How to read it: the main reader's decisions. */
export interface CsvPartPlan {
  encoding: TextEncoding;
  delimiter: Delimiter;
  plan: ColumnPlan;
  /** The date order is an assumption the rows may still overturn: gather their evidence. */
  assumedDateOrder: boolean;
  period: string;
  tables: { skus: string[]; crossRef: [string, string][]; barcodes: [string, string][] };
  /** SKU → product id, for the stored blocks. */
  productIds: [string, number][];
}

export interface CsvPartResult {
  state: AggregatorState;
  evidence: { dmy: number; mdy: number; ambiguous: number; dotted: number; fitDmy: number; fitMdy: number };
  problems: { line: number; message: string }[];
  decoderWarnings: string[];
  /** The line number of the part's first row. */
  startLine: number;
}

export interface CsvPartSink {
  /** A stored block of accepted POS lines (UTF-8 text) and how many lines it holds. */
  block(bytes: Uint8Array, lines: number): Promise<void>;
  /** Bytes of the part read so far. */
  progress?(bytes: number): void;
}

const CHUNK = 1024 * 1024;

async function* bytesOf(source: string | Uint8Array, start: number, end: number, growing = false): AsyncGenerator<Uint8Array> {
  if (end <= start) return;
  if (growing && typeof source === "string") return yield* following(source, start, end);
  if (typeof source !== "string") {
    for (let i = start; i < end; i += CHUNK) yield source.subarray(i, Math.min(i + CHUNK, end));
    return;
  }
  yield* fs.createReadStream(source, { start, end: end - 1, highWaterMark: CHUNK }) as AsyncIterable<Buffer>;
}

const WAIT_MS = 5;

/** Bytes [start, end) of a file still being written: waits (briefly, repeatedly) for each next piece. */
async function* following(file: string, start: number, end: number): AsyncGenerator<Uint8Array> {
  const fh = await fs.promises.open(file, "r");
  try {
    for (let pos = start; pos < end; ) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, end - pos));
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) {
        await new Promise((r) => setTimeout(r, WAIT_MS));
        continue;
      }
      pos += bytesRead;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** Line breaks in bytes [0, end) as the row reader counts them: LF, CRLF and a lone CR once each. */
export async function countLineBreaks(source: string | Uint8Array, end: number, growing = false): Promise<number> {
  let n = 0;
  let pendingCR = false;
  for await (const c of bytesOf(source, 0, end, growing)) {
    if (pendingCR && c[0] !== 10) n++;
    pendingCR = false;
    for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) n++;
    for (let i = c.indexOf(13); i !== -1; i = c.indexOf(13, i + 1)) {
      if (i === c.length - 1) pendingCR = true;
      else if (c[i + 1] !== 10) n++;
    }
  }
  return pendingCR ? n + 1 : n;
}

/** Counts the line breaks before the part at once, then reads it once `plan` arrives (null: not needed after all). */
export async function readCsvPart(range: CsvPartRange, plan: CsvPartPlan | Promise<CsvPartPlan | null>, sink: CsvPartSink): Promise<CsvPartResult | null> {
  const startLine = 1 + (await countLineBreaks(range.source, range.start, range.growing));
  const job = await plan;
  if (!job) return null;
  const decoder = new StreamDecoder(job.encoding);
  let read = 0;
  const text = decodeChunks(bytesOf(range.source, range.start, range.end, range.growing), decoder, (chunk) => sink.progress?.((read += chunk.byteLength)));
  const rows = await openDelimited(text, { delimiter: job.delimiter, startLine });

  const productIds = new Map(job.productIds);
  const builder = new PosBlockBuilder((sku) => productIds.get(sku));
  const send = async () => {
    if (builder.lines === 0) return;
    const block = builder.take();
    await sink.block(block.bytes, block.lines);
  };
  const agg = new Aggregator("csv", "pos_lines", {
    period: job.period,
    resolvePart: createPartResolver(job.tables),
    onPosLines: async (batch) => {
      for (const l of batch) {
        builder.add(l);
        if (builder.full) await send();
      }
    },
  });

  const converter = new RowConverter(job.plan);
  const evidence = new DateOrderEvidence(job.period);
  const dateCol = job.assumedDateOrder ? job.plan.cols.date : undefined;
  for await (const batch of rows.batches) {
    for (const row of batch) {
      if (dateCol !== undefined) evidence.add(row.cells[dateCol] ?? null);
      const pending = consumeRow(converter, agg, row);
      if (pending) await pending;
    }
  }
  await agg.flush();
  await send();
  const { dmy, mdy, ambiguous, dotted, fitDmy, fitMdy } = evidence;
  return { state: agg.exportState(), evidence: { dmy, mdy, ambiguous, dotted, fitDmy, fitMdy }, problems: rows.problems, decoderWarnings: decoder.warnings, startLine };
}
