/**
 * Large delimited files read in two parts at once: the main reader reads bytes [0, S) and a worker
 * thread (`csv-part-worker.ts` → `readCsvPart`) reads [S, end) with the main reader's plan, storing
 * its accepted POS lines as blocks of its own; at the end its counts are merged in file order. S is
 * a line start near the middle. The answer is exactly the one reading the whole file in one pass
 * gives — and when that cannot be vouched for, the split is dropped and the file read again in one
 * pass (`SplitAbandoned`):
 * - S must be a record boundary: the main reader stops there only if everything it read up to S was
 *   handed out as complete rows (a quoted field with a line break across S → one pass);
 * - the part's first line number (line breaks before S, counted by the worker) must be the one the
 *   main reader reached;
 * - no invoice line of the later part may repeat one of the first part (a duplicate across parts);
 * - neither decoder may have met invalid UTF-8 (the one-pass reader switches encoding from there on);
 * - the worker must finish (a crash or an error → one pass; the error is logged).
 * Only line-level POS files of at least `minBytes`, in UTF-8 or Windows-1252, with the bytes at hand
 * (a spooled file or a buffer) are split; the plan must be decided before the main reader reaches S;
 * a part reader must be free (`part-readers.ts`: at most two per process, one kept warm).
 */
import { open } from "node:fs/promises";
import type { Worker } from "node:worker_threads";
import type { Aggregator } from "../aggregate";
import { readCsvPart, type CsvPartPlan, type CsvPartRange, type CsvPartResult } from "./csv-part";
import type { DateOrderEvidence } from "../dates";
import type { TextEncoding } from "../decode";
import type { DelimitedRows } from "../delimited";
import type { ColumnPlan } from "../records";
import { acquirePartReader, releasePartReader } from "./part-readers";
import type { TableSplit } from "../tabular";

export interface SplitInput {
  /** The file's bytes again: the spooled file's path, or the buffer. */
  source: string | Uint8Array;
  /**
   * The file's size, or — for a body still arriving — a getter that answers undefined until the last
   * byte is in: the split is then placed once the size is known, if the first part has not passed the
   * middle yet (a file that arrives slower than it is read is read in one pass: no gain in two).
   */
  size: number | (() => number | undefined);
  /**
   * A body still arriving whose length was declared (Content-Length) and how many of its bytes are on
   * disk: the split is placed as soon as the bytes around the middle are in, and the part reader
   * follows the file as it grows. The final size must be the declared one, else one pass.
   */
  declared?: { size: number; available: () => number };
  /** Files smaller than this are read in one pass. */
  minBytes: number;
  tables: CsvPartPlan["tables"];
  productIds: [string, number][];
  /** Stores a block of the later part's accepted POS lines (UTF-8 text); `seq` counts them from 0. */
  pushBlock(bytes: Uint8Array, lines: number, seq: number): Promise<void>;
  /** "worker" (default), or "inline": the same part reader on this thread after the first part (tests). */
  runner?: "worker" | "inline";
}

/** The split could not be vouched for: read the file again in one pass (after discarding what was stored). */
export class SplitAbandoned extends Error {
  constructor(reason: string) {
    super(`Two-part read abandoned: ${reason}`);
  }
}

let jobs = 0;

/** Where the main reader hands over: the first line start at or after this share of the file. */
/** How long the first part waits at the middle for a body still arriving to end (then: one pass). */
const GROWING_WAIT_MS = 120_000;
const SPLIT_AT = 0.5;
const PROBE = 64 * 1024;

async function readAt(source: string | Uint8Array, at: number, n: number): Promise<Uint8Array> {
  if (typeof source !== "string") return source.subarray(at, Math.min(at + n, source.byteLength));
  const fh = await open(source, "r");
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, at);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export class CsvSplit implements TableSplit {
  private yielded = 0;
  private state: "waiting" | "running" | "stopped" | "off" = "waiting";
  private reader: { rows: DelimitedRows; decoderClean: () => boolean } | null = null;
  private range: CsvPartRange;
  private plan: CsvPartPlan | null = null;
  private worker: Worker | null = null;
  private outcome: Promise<CsvPartResult | null> | null = null;
  /** This split's job number (a reused worker's messages name the job they belong to). */
  private readonly job = ++jobs;
  private readonly stored: Promise<void>[] = [];
  private seq = 0;
  private partBytes = 0;
  offReason: string | null = null;

  private constructor(
    private readonly input: SplitInput,
    /** S, the first byte of the later part; NaN while the size is not known. */
    public at: number,
    private readonly encoding: TextEncoding,
    private readonly period: string,
    private readonly onPartProgress?: (bytes: number) => void,
  ) {
    this.range = { source: input.source, start: at, end: 0 };
  }

  /** A split of this file, or null when it is read in one pass anyway. */
  static async open(input: SplitInput, encoding: TextEncoding, period: string, onPartProgress?: (bytes: number) => void): Promise<CsvSplit | null> {
    if (encoding.startsWith("utf-16")) return null;
    const size = typeof input.size === "number" ? input.size : input.size();
    if (size === undefined) return new CsvSplit(input, NaN, encoding, period, onPartProgress); // placed when the middle is in
    const split = new CsvSplit(input, NaN, encoding, period, onPartProgress);
    const why = await split.place(size);
    return why === null ? split : null;
  }

  /** The size to place the split by now: the final one, or the declared one once the middle is on disk. */
  private sizeNow(): { size: number; growing: boolean } | undefined {
    const final = typeof this.input.size === "number" ? this.input.size : this.input.size();
    if (final !== undefined) return { size: final, growing: false };
    const d = this.input.declared;
    if (d && d.available() >= Math.min(d.size, Math.floor(d.size * SPLIT_AT) + PROBE)) return { size: d.size, growing: true };
    return undefined;
  }

  /** Finds S for a file of `size` bytes and starts the part reader; the reason when it cannot. */
  private async place(size: number, growing = false): Promise<string | null> {
    if (size < this.input.minBytes) return "the file is small";
    const target = Math.floor(size * SPLIT_AT);
    const probe = await readAt(this.input.source, target, PROBE);
    const lf = probe.indexOf(10);
    if (lf < 0 || target + lf + 1 >= size) return "no line break after the middle";
    if (this.yielded >= target + lf + 1) return "the first part had passed the middle when the last byte arrived";
    this.at = target + lf + 1;
    this.range = { source: this.input.source, start: this.at, end: size, growing };
    if (this.input.runner === "inline") return null;
    // The worker starts now: it counts the line breaks before S while the plan is decided.
    const worker = acquirePartReader();
    if (!worker) return "all part readers are busy";
    this.outcome = this.run(worker);
    if (this.plan) worker.postMessage({ t: "plan", job: this.job, plan: this.plan });
    return null;
  }

  /** The reader of the first part (its record boundary and line count are checked at S). */
  bind(rows: DelimitedRows, decoderClean: () => boolean): void {
    this.reader = { rows, decoderClean };
  }

  /** Bytes of the later part read so far (progress). */
  get laterBytes(): number {
    return this.partBytes;
  }

  private off(reason: string): void {
    if (this.state === "off") return;
    this.state = "off";
    this.offReason = reason;
    this.letGo(false);
  }

  /** Ends this split's use of its worker: parked for the next upload when its job finished cleanly. */
  private letGo(reusable: boolean): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) releasePartReader(worker, reusable);
  }

  /** The bytes of the first part: stops at S when the split holds, else passes everything on. */
  async *gate(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      if (Number.isNaN(this.at) && this.state !== "off" && this.state !== "stopped") {
        const now = typeof this.input.size === "number" ? undefined : this.sizeNow();
        const why = now === undefined ? null : await this.place(now.size, now.growing);
        if (why !== null) this.off(why);
        if (Number.isNaN(this.at)) {
          this.yielded += chunk.byteLength;
          yield chunk;
          continue;
        }
      }
      const before = this.yielded;
      this.yielded += chunk.byteLength;
      if (this.state === "off" || this.state === "stopped" || this.yielded < this.at) {
        yield chunk;
        continue;
      }
      const cut = this.at - before;
      if (cut > 0) yield chunk.subarray(0, cut);
      // Resumed: the rows up to S were all asked for. Stop here only at a record boundary.
      if (this.state === "running" && this.reader?.rows.atRecordBoundary()) {
        this.state = "stopped";
        return;
      }
      this.off(this.state === "waiting" ? "the plan was not decided before the middle of the file" : "a record runs across the middle of the file");
      if (cut < chunk.byteLength) yield chunk.subarray(Math.max(cut, 0));
    }
  }

  start(plan: ColumnPlan, dates: { assumed: boolean }): void {
    if (this.state !== "waiting") return;
    if (!this.reader) return this.off("no row reader");
    if (this.yielded >= this.at) return this.off("the sample reached the middle of the file");
    // Cases convert with pack sizes (and ask for missing ones) in the main reader only.
    if (plan.cols.unit !== undefined || plan.units) return this.off("the quantities carry units of measure");
    this.plan = {
      encoding: this.encoding, delimiter: this.reader.rows.delimiter, plan, assumedDateOrder: dates.assumed, period: this.period,
      tables: this.input.tables, productIds: this.input.productIds,
    };
    this.state = "running";
    this.worker?.postMessage({ t: "plan", job: this.job, plan: this.plan });
  }

  private store(bytes: Uint8Array, lines: number): Promise<void> {
    const p = this.input.pushBlock(bytes, lines, this.seq++);
    this.stored.push(p);
    p.catch(() => {});
    return p;
  }

  private run(worker: Worker): Promise<CsvPartResult | null> {
    this.worker = worker;
    const job = this.job;
    const outcome = new Promise<CsvPartResult | null>((resolve, reject) => {
      worker.on("message", (m: { t: string; job: number; bytes?: Uint8Array | number; lines?: number; result?: CsvPartResult; message?: string }) => {
        if (this.worker !== worker || m.job !== job) return; // let go, or an earlier job's word: changes nothing
        if (m.t === "block") {
          this.store(m.bytes as Uint8Array, m.lines!).then(
            () => worker.postMessage({ t: "ack", job }),
            () => {}, // surfaced by join
          );
        } else if (m.t === "progress") {
          this.partBytes = m.bytes as number;
          this.onPartProgress?.(this.partBytes);
        } else if (m.t === "done") resolve(m.result!);
        else if (m.t === "error") reject(new Error(m.message));
      });
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`the part reader exited (${code})`)));
    });
    outcome.catch(() => {}); // a split dropped before it ran never asks
    worker.postMessage({ t: "job", job, range: this.range });
    return outcome;
  }

  private finalSize(): number | undefined {
    return typeof this.input.size === "number" ? this.input.size : this.input.size();
  }

  async join(agg: Aggregator, evidence: DateOrderEvidence): Promise<void> {
    if (this.state === "waiting") this.off("the plan was never decided");
    if (Number.isNaN(this.at)) this.off("the file's size was known only after its end");
    if (this.state === "off") return;
    if (this.state !== "stopped") throw new SplitAbandoned("the first part did not stop at the middle of the file");
    if (this.range.growing) {
      // The first part reached the middle while the rest may still be arriving: the body's final
      // size is known once all of it is in (the part reader follows the file there meanwhile).
      let final = this.finalSize();
      for (let waited = 0; final === undefined && waited < GROWING_WAIT_MS; waited += 25) {
        await new Promise((r) => setTimeout(r, 25));
        final = this.finalSize();
      }
      if (final !== this.range.end) {
        this.letGo(false);
        throw new SplitAbandoned(`the body was ${final ?? "not"} bytes, not the ${this.range.end} it declared`);
      }
    }
    let part: CsvPartResult | null;
    try {
      part = await (this.outcome ?? readCsvPart(this.range, this.plan!, { block: (bytes, lines) => this.store(bytes, lines) }));
      if (!part) throw new Error("the part reader had no plan");
      this.letGo(true);
    } catch (e) {
      this.letGo(false);
      console.warn(`sellthru: ${e instanceof Error ? e.message : String(e)}; the file is read again in one pass`);
      throw new SplitAbandoned("the part reader failed");
    }
    await Promise.all(this.stored); // a storage error is the upload's error, not a reason to re-read
    this.partBytes = this.range.end - this.at;
    if (part.startLine !== this.reader!.rows.nextLine()) throw new SplitAbandoned(`line ${part.startLine} expected at the middle, the first part ended at ${this.reader!.rows.nextLine()}`);
    if (part.decoderWarnings.length || !this.reader!.decoderClean()) throw new SplitAbandoned("the text is not valid UTF-8 throughout");
    if (agg.overlaps(part.state)) throw new SplitAbandoned("an invoice line repeats across the middle of the file");
    agg.merge(part.state);
    evidence.merge(part.evidence);
    this.reader!.rows.problems.push(...part.problems);
  }

  /** The read is over (or failed): a worker still held has not finished cleanly. */
  dispose(): void {
    this.letGo(false);
  }
}
