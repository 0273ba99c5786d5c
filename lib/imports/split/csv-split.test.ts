/**
 * A large CSV read in two parts at once must answer exactly what one pass answers: the same counts,
 * rows, errors, warnings and needs, and the same POS lines stored in the same order — including the
 * cases where the split is dropped (a quoted line break across the middle, a duplicate across the
 * parts, invalid UTF-8, a late date-order decision). Files are made small (minBytes 0) but keep the
 * shapes of real ones.
 */
import { describe, expect, it, vi } from "vitest";
import { parseUpload, type ParseUploadInput } from "../index";
import { CsvSplit } from "./csv-split";
import * as parts from "./part-readers";
import { BLOCK_LINES, CopyTextWriter, decodePosBlock, writePosLine, type PosLineOut } from "./pos-blocks";
import { createPartResolver } from "../resolver";
import type { ParseOutcome, ResolvedPosLine } from "../types";

const SKUS = ["MCU-1000", "MCU-2000", "LDO-330", "BUCK-510", "SNS-ACC-3"];
const tables = { skus: SKUS, crossRef: [["NW-77", "LDO-330"]] as [string, string][], barcodes: [["00012345678905", "BUCK-510"]] as [string, string][] };
const productIds = SKUS.map((s, i) => [s, 100 + i] as [string, number]);
const skuOf = (id: number) => SKUS[id - 100];
const CUSTOMERS = ["Solace Medical", "Brightline Robotics", "Café Müller GmbH", 'Quote "Q" Inc', "Tab\tCo"];

interface Shape {
  rows?: number;
  eol?: string;
  /** Row i → its line text (without the line break), or null for the default row. */
  row?: (i: number, mid: boolean) => string | null;
  header?: string;
  encode?: (text: string) => Uint8Array;
}

const HEADER = "Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer,Ship-To City";
function defaultRow(i: number): string {
  const sku = i % 17 === 0 ? "NW-77" : i % 29 === 0 ? "UNKNOWN-9" : SKUS[i % SKUS.length];
  const desc = i % 3 === 0 ? '"32-bit MCU, 512 KB flash"' : "plain part";
  const customer = CUSTOMERS[i % CUSTOMERS.length]!;
  const c = /[",\t]/.test(customer) ? `"${customer.replace(/"/g, '""')}"` : customer;
  const qty = i % 31 === 0 ? "-3" : String(1 + (i % 250));
  return `10/${String(1 + (i % 28)).padStart(2, "0")}/2026,INV${Math.floor(i / 3)},${(i % 3) + 1},${sku},${desc},${qty},${(i % 7) + 0.125},${c},City ${i % 11}`;
}

function makeFile(shape: Shape): Uint8Array {
  const n = shape.rows ?? 12000;
  const eol = shape.eol ?? "\n";
  const lines = [shape.header ?? HEADER];
  for (let i = 0; i < n; i++) lines.push(shape.row?.(i, i === Math.floor(n / 2)) ?? defaultRow(i));
  const text = lines.join(eol) + eol;
  return shape.encode ? shape.encode(text) : Buffer.from(text, "utf8");
}

function encodeLines(lines: ResolvedPosLine[]): PosLineOut[] {
  const w = new CopyTextWriter();
  const ids = new Map(productIds);
  for (const l of lines) writePosLine(w, Buffer.from(`${ids.get(l.sku)}\t`), l);
  return decodePosBlock(w.take().toString("utf8"), skuOf);
}

async function read(bytes: Uint8Array, split: "none" | "inline" | "worker", extra: Partial<ParseUploadInput> = {}) {
  const main: ResolvedPosLine[] = [];
  const later: { seq: number; lines: PosLineOut[] }[] = [];
  let restarts = 0;
  const outcome: ParseOutcome = await parseUpload({
    bytes, period: "2026-10", resolvePart: createPartResolver(tables), ...extra,
    onPosLines: (b) => void main.push(...b.map((l) => ({ ...l, identifiers: { ...l.identifiers } }))),
    onRestart: () => {
      restarts++;
      main.length = 0;
      later.length = 0;
    },
    split: split === "none" ? undefined : {
      source: bytes, size: bytes.byteLength, minBytes: 0, tables, productIds, runner: split,
      pushBlock: async (bytes, lines, seq) => {
        const decoded = decodePosBlock(Buffer.from(bytes).toString("utf8"), skuOf);
        expect(decoded).toHaveLength(lines);
        expect(lines).toBeLessThanOrEqual(BLOCK_LINES);
        later.push({ seq, lines: decoded });
      },
    },
  });
  const lines = [...encodeLines(main), ...later.sort((a, b) => a.seq - b.seq).flatMap((b) => b.lines)];
  return { outcome, lines, restarts };
}

async function expectSame(bytes: Uint8Array, split: "inline" | "worker" = "inline", extra: Partial<ParseUploadInput> = {}) {
  const one = await read(bytes, "none", extra);
  const joined = vi.spyOn(CsvSplit.prototype, "join");
  let splits: CsvSplit[] = [];
  const two = await read(bytes, split, extra).finally(() => {
    splits = [...(joined.mock.contexts as CsvSplit[])];
    joined.mockRestore();
  });
  expect(two.outcome).toEqual(one.outcome);
  expect(two.lines).toEqual(one.lines);
  expect(two.lines.length).toBe(one.outcome.rowsAccepted);
  return { one, two, split: splits.map((x) => x.offReason ?? "ran") };
}

describe("a CSV read in two parts", () => {
  it("answers exactly what one pass answers: totals, errors, unknown parts, credits, blocks in order", async () => {
    const { one, two, split } = await expectSame(makeFile({}));
    expect([split, two.restarts]).toEqual([["ran"], 0]);
    expect(one.outcome.unknownParts[0]).toMatchObject({ part: "UNKNOWN-9" });
    expect(one.outcome.credits).toBeGreaterThan(0);
    expect(two.lines.some((l) => l.endCustomer === "Tab\tCo") && two.lines.some((l) => l.distributorPart === "NW-77")).toBe(true);
  });

  it("same answer for CRLF and old-Mac CR line breaks, a semicolon file with European numbers, Windows-1252", async () => {
    expect((await expectSame(makeFile({ eol: "\r\n" }))).split).toEqual(["ran"]);
    expect((await expectSame(makeFile({ eol: "\r" }))).split).toEqual([]); // no LF to split at: one pass
    const semicolon = await expectSame(makeFile({
      header: "Datum;Rechnung;Pos;Artikelnummer;Menge;Preis;Kunde",
      row: (i) => `${String(1 + (i % 28)).padStart(2, "0")}.10.2026;R${Math.floor(i / 2)};${(i % 2) + 1};${SKUS[i % SKUS.length]};${1 + (i % 1500)};1.234,5${i % 10};Kunde ${i % 9}`,
    }));
    expect(semicolon.split).toEqual(["ran"]);
    const latin = await expectSame(makeFile({ encode: (t) => Buffer.from(t, "latin1") }));
    expect(latin.split).toEqual(["ran"]);
    expect(latin.one.outcome.encoding).toBe("windows-1252");
    expect(latin.two.lines.some((l) => l.endCustomer === "Café Müller GmbH")).toBe(true);
  }, 20_000); // eight reads of 12,000 lines: ~5 s on a shared, loaded machine

  it("same answer with blank lines, totals rows, a repeated header, out-of-period rows and bad quantities on both sides", async () => {
    const r = await expectSame(makeFile({
      row: (i) => (i % 997 === 0 ? "" : i % 1201 === 0 ? HEADER : i % 1303 === 0 ? ",,,Total,,999,," : i % 701 === 0 ? "09/30/2026,OLD1,1,MCU-1000,x,5,1,c,d" : i % 503 === 0 ? `10/02/2026,BAD${i},1,MCU-1000,x,five,1,c,d` : null),
    }));
    expect(r.split).toEqual(["ran"]);
    expect(r.one.outcome.errors.length && r.one.outcome.skipped.length && r.one.outcome.outOfPeriod.length).toBeGreaterThan(0);
  });

  it("drops the split and reads in one pass when a quoted line break runs across the middle", async () => {
    // The middle row's description holds 40,000 line breaks: the middle of the file is inside it.
    const bytes = makeFile({ row: (i, mid) => (mid ? `10/05/2026,Q${i},1,MCU-1000,"${"x\n".repeat(40_000)}",${i},1,Quoted,Here` : null) });
    const { two, split } = await expectSame(bytes);
    expect(split).toEqual(["a record runs across the middle of the file"]);
    expect(two.restarts).toBe(0); // dropped before anything was stored for the later part
  });

  it("drops the split (discarding what was stored) when an invoice line repeats across the parts", async () => {
    const bytes = makeFile({ row: (i) => (i === 11000 ? defaultRow(3) : null) });
    const { one, two, split } = await expectSame(bytes);
    expect(one.outcome.identicalLines).toEqual([expect.objectContaining({ invoice: "INV1", invoiceLine: "1" })]);
    expect([split, two.restarts]).toEqual([["ran"], 1]);
  });

  it("drops the split when the later part is not valid UTF-8 (one pass switches to Windows-1252 from there)", async () => {
    const text = Buffer.from(makeFile({}));
    const at = text.lastIndexOf(Buffer.from("Solace"));
    text[at] = 0xe9; // a lone Windows-1252 "é" in a UTF-8 file
    const { one, two, split } = await expectSame(text);
    expect(one.outcome.warnings.some((w) => /Not valid UTF-8/.test(w.message))).toBe(true);
    expect([split, two.restarts]).toEqual([["ran"], 1]);
  });

  it("same answer when late rows decide the date order the sample could not", async () => {
    const bytes = makeFile({ rows: 14000, row: (i) => `${i < 10000 ? "03" : "25"}/10/2026,INV${i},1,${SKUS[i % SKUS.length]},d,${1 + (i % 9)},1,c,x` });
    const { one, two, split } = await expectSame(bytes);
    expect(one.outcome.dateOrder).toBe("DMY");
    expect([split, two.restarts]).toEqual([["ran", "ran"], 1]); // read again with the decided order, in two parts again
  });

  it("reads the later part on a real worker thread (the module loads there) with the same answer; the next upload reuses it", async () => {
    const acquired = vi.spyOn(parts, "acquirePartReader");
    try {
      const first = await expectSame(makeFile({ rows: 20000 }), "worker");
      expect([first.split, first.two.restarts]).toEqual([["ran"], 0]);
      // A different file on the same (parked, warm) worker: its earlier job's state is gone.
      const second = await expectSame(makeFile({ rows: 16000, eol: "\r\n" }), "worker");
      expect([second.split, second.two.restarts]).toEqual([["ran"], 0]);
      const workers = acquired.mock.results.map((r) => r.value as { threadId: number } | null);
      expect(workers).toHaveLength(2);
      expect(workers[1]!.threadId).toBe(workers[0]!.threadId);
    } finally {
      acquired.mockRestore();
    }
  }, 30_000);

  it("ends a worker whose split was dropped instead of parking it", async () => {
    const acquired = vi.spyOn(parts, "acquirePartReader");
    try {
      // A quoted line break across the middle: the split is dropped while the worker waits for its plan.
      const bytes = makeFile({ row: (i, mid) => (mid ? `10/05/2026,Q${i},1,MCU-1000,"${"x\n".repeat(40_000)}",${i},1,Quoted,Here` : null) });
      expect((await expectSame(bytes, "worker")).split).toEqual(["a record runs across the middle of the file"]);
      const dropped = acquired.mock.results[0]!.value as { threadId: number };
      await expectSame(makeFile({}), "worker");
      expect((acquired.mock.results[1]!.value as { threadId: number }).threadId).not.toBe(dropped.threadId);
      expect(parts.partReadersBusy()).toBe(0);
    } finally {
      acquired.mockRestore();
    }
  }, 30_000);

  it("is not used for small files, summaries, or when the caller collects the lines itself", async () => {
    expect((await expectSame(makeFile({ rows: 100 }))).split).toEqual(["the plan was not decided before the middle of the file"]);
    const summary = makeFile({ header: "SKU,On Hand,Sold", row: (i) => `${SKUS[i % SKUS.length]},${i},${i % 4}` });
    const joined = vi.spyOn(CsvSplit.prototype, "join");
    try {
      expect((await read(summary, "inline")).outcome).toEqual((await read(summary, "none")).outcome);
      const bytes = makeFile({});
      const collected = await parseUpload({ bytes, period: "2026-10", resolvePart: createPartResolver(tables), split: { source: bytes, size: bytes.byteLength, minBytes: 0, tables, productIds, pushBlock: async () => {} } });
      expect(collected.posLines.length).toBe(collected.rowsAccepted);
      expect((joined.mock.contexts as CsvSplit[]).map((x) => x.offReason !== null)).toEqual([true]); // the summary: never started
    } finally {
      joined.mockRestore();
    }
  });

  it("runs at most two part readers at once in a process: a third large upload meanwhile reads in one pass", async () => {
    expect(parts.partReadersBusy()).toBe(0); // the earlier tests' workers were given back
    const bytes = makeFile({});
    const input = { source: bytes, size: bytes.byteLength, minBytes: 0, tables, productIds, pushBlock: async () => {} };
    const a = await CsvSplit.open(input, "utf-8", "2026-10");
    const b = await CsvSplit.open(input, "utf-8", "2026-10");
    const c = await CsvSplit.open(input, "utf-8", "2026-10");
    expect([a !== null, b !== null, c]).toEqual([true, true, null]);
    a!.dispose();
    b!.dispose();
    await expect.poll(async () => {
      const d = await CsvSplit.open(input, "utf-8", "2026-10");
      d?.dispose();
      return d !== null;
    }).toBe(true);
  }, 30_000);
});
