import { describe, expect, it } from "vitest";
import { accountedRows, resolvePart } from "./__fixtures__/support";
import { aggregate } from "./aggregate";
import { createPartResolver } from "./resolver";
import type { PosLine, ResolvedPosLine, SummaryRow } from "./types";

const opts = { period: "2026-10", resolvePart, duplicates: "drop" as const };
const pos = (line: number, sku: string, quantity: number, extra: Partial<PosLine> = {}): PosLine => ({
  line, movement: "sell_through", identifiers: { sku }, quantity, date: "2026-10-05", ...extra,
});

describe("aggregate: POS lines → per-SKU totals for the period", () => {
  const records: PosLine[] = [
    pos(2, "MCU-1000", 100, { invoice: "I1", invoiceLine: "1" }),
    pos(3, "MCU-1000", -25, { invoice: "C1", invoiceLine: "1" }),
    pos(4, "MCU-1000", 100, { invoice: "I1", invoiceLine: "1" }),
    pos(5, "MCU-1000", 40, { date: "2026-09-30" }),
    pos(6, "XYZ-9999", 15),
    pos(7, "XYZ-9999", 5),
    pos(8, "LDO-330", 30, { movement: "return_to_vendor", transferType: "RV" }),
    pos(9, "LDO-330", 3, { movement: "customer_return" }),
    pos(10, "LDO-330", 9, { movement: "adjustment", transferType: "IA" }),
  ];

  it("net sales, returns to vendor, and every other row listed where it belongs", async () => {
    const r = await aggregate({ format: "csv", kind: "pos_lines", records, errors: [{ line: 11, column: "Qty", message: "bad" }], skipped: [{ line: 12, reason: "Totals row" }] }, opts);
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: -3, returned: 30, onHand: null },
      { sku: "MCU-1000", sold: 75, returned: 0, onHand: null },
    ]);
    expect(r.credits).toBe(2);
    expect(r.duplicates).toEqual([{ line: 4, invoice: "I1", invoiceLine: "1" }]);
    expect(r.outOfPeriod).toEqual([{ line: 5, date: "2026-09-30" }]);
    expect(r.unknownParts).toEqual([{ part: "XYZ-9999", rows: 2 }]);
    expect(r.skipped.map((s) => s.line)).toEqual([12, 10]);
    expect(r.rowsRead).toBe(11);
    expect(r.rowsAccepted).toBe(4);
    expect(accountedRows(r)).toBe(r.rowsRead);
    expect(r.posLines.map((p: ResolvedPosLine) => p.sku)).toEqual(["MCU-1000", "MCU-1000", "LDO-330", "LDO-330"]);
  });

  it("streams accepted lines to a sink in batches instead of holding them", async () => {
    const batches: number[] = [];
    const many = Array.from({ length: 2500 }, (_, i) => pos(i + 2, "MCU-1000", 1));
    const r = await aggregate({ format: "csv", kind: "pos_lines", records: many }, { ...opts, onPosLines: (b) => void batches.push(b.length) });
    expect(batches).toEqual([1000, 1000, 500]);
    expect(r.posLines).toEqual([]);
    expect(r.lines[0].sold).toBe(2500);
  });
});

describe("aggregate: duplicates are the same invoice and line (per transfer type)", () => {
  it("small line numbers, large ones and non-numeric ones", async () => {
    const inv = (line: number, invoiceLine: string, extra: Partial<PosLine> = {}) => pos(line, "MCU-1000", 1, { invoice: "I-1", invoiceLine, ...extra });
    const records = [inv(2, "1"), inv(3, "2"), inv(4, "31"), inv(5, "A"), inv(6, "2"), inv(7, "A"), inv(8, "31"), inv(9, "01"), inv(10, "1", { transferType: "RV", movement: "return_to_vendor" }), pos(11, "MCU-1000", 1, { invoice: "I-2", invoiceLine: "1" })];
    const r = await aggregate({ format: "csv", kind: "pos_lines", records }, opts);
    expect(r.duplicates.map((d) => [d.line, d.invoiceLine])).toEqual([[6, "2"], [7, "A"], [8, "31"], [9, "01"]]);
    expect(r.lines[0]).toMatchObject({ sold: 5, returned: 1 });
  });

  it("an invoice seen again after others (the current invoice is cached between rows)", async () => {
    const at = (line: number, invoice: string, invoiceLine: string, extra: Partial<PosLine> = {}) => pos(line, "MCU-1000", 1, { invoice, invoiceLine, ...extra });
    const long = "INV0000000000001"; // long enough to be kept as a copy
    const records = [
      at(2, long, "1"), at(3, long, "2"), at(4, "I-2", "1"), at(5, long, "1"), at(6, "I-2", "1"), at(7, "X", "99"), at(8, "X", "99"), at(9, "X", "1"),
      at(10, long, "2", { transferType: "SS" }), at(11, long, "2", { transferType: "SS" }), at(12, long, "2"), at(13, "X", "99"), at(14, "Y", "40"), at(15, "X", "1"),
    ];
    const r = await aggregate({ format: "csv", kind: "pos_lines", records }, opts);
    expect(r.duplicates.map((d) => d.line)).toEqual([5, 6, 8, 11, 12, 13, 15]);
  });
});

describe("aggregate: a duplicate is a whole record repeated; the distributor decides", () => {
  const sale = (line: number, extra: Partial<PosLine> = {}) => pos(line, "MCU-1000", 10, { invoice: "I-1", invoiceLine: "1", transferType: "SS", endCustomer: "ACME", ...extra });
  const records = () => [
    sale(2),
    sale(3, { identifiers: { sku: "LDO-330" } }), // LIN01 restarting at 1: another part
    sale(4, { quantity: -10 }), // a credit on the sale's invoice number and line
    sale(5, { date: "2026-10-06" }),
    sale(6, { endCustomer: "GLOBEX" }),
    sale(7, { unit: "DZ" }),
    sale(8), // the only real repeat
  ];

  it("by default every line is kept; the identical one is listed and counted", async () => {
    const r = await aggregate({ format: "x12-867", kind: "pos_lines", records: records() }, { period: "2026-10", resolvePart });
    expect(r.identicalLines).toEqual([{ line: 8, invoice: "I-1", invoiceLine: "1" }]);
    expect(r.duplicates).toEqual([]);
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 10, returned: 0, onHand: null },
      { sku: "MCU-1000", sold: 10 - 10 + 10 + 10 + 120 + 10, returned: 0, onHand: null },
    ]);
    expect(r.warnings.map((w) => w.message)).toContain("1 line(s) repeat an earlier line in every field (invoice, line, part, quantity, date, transfer type, end customer): they are counted; answer whether to keep or drop them");
    expect(accountedRows(r)).toBe(r.rowsRead);
  });

  it("answered drop: only the identical line is dropped (and listed)", async () => {
    const r = await aggregate({ format: "x12-867", kind: "pos_lines", records: records() }, { period: "2026-10", resolvePart, duplicates: "drop" });
    expect(r.duplicates).toEqual([{ line: 8, invoice: "I-1", invoiceLine: "1" }]);
    expect(r.identicalLines).toBeUndefined();
    expect(r.lines.find((l) => l.sku === "MCU-1000")!.sold).toBe(140);
    expect(accountedRows(r)).toBe(r.rowsRead);
  });
});

describe("aggregate: units", () => {
  it("cases convert with the pack size; without one the row is not counted and asked about", async () => {
    const records = [pos(2, "MCU-1000", 2, { unit: "CA" }), pos(3, "LDO-330", 3, { unit: "CA" }), pos(4, "LDO-330", 1, { unit: "CA" }), pos(5, "LDO-330", 4), pos(6, "LDO-330", 1, { unit: "KG" })];
    const r = await aggregate({ format: "x12-867", kind: "pos_lines", records }, { period: "2026-10", resolvePart, packSize: (sku) => (sku === "MCU-1000" ? 250 : null) });
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 4, returned: 0, onHand: null },
      { sku: "MCU-1000", sold: 500, returned: 0, onHand: null },
    ]);
    expect(r.packSizesNeeded).toEqual([{ sku: "LDO-330", unit: "CA", rows: 2 }]);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 6]);
    expect(r.errors[0].message).toMatch(/pack size of LDO-330 is not known: not counted/);
    expect(r.errors[2].message).toMatch(/not a unit Sellthru can count/);
    expect(r.codes).toEqual([{ code: "unit CA", meaning: "case", use: "converted to units with the product's pack size", count: 1 }]);
    expect(accountedRows(r)).toBe(r.rowsRead);
  });
});

describe("aggregate: summary rows", () => {
  it("missing figures stay null; a part twice is added up with a warning", async () => {
    const rows: SummaryRow[] = [
      { line: 2, identifiers: { distributorPart: "NW-700000" }, onHand: 10 },
      { line: 3, identifiers: { sku: "MCU-1000" }, onHand: 5, sold: null },
      { line: 4, identifiers: { sku: "LDO-330" }, sold: 7, onHand: null },
    ];
    const r = await aggregate({ format: "csv", kind: "summary", records: rows }, opts);
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 7, returned: null, onHand: null },
      { sku: "MCU-1000", sold: null, returned: null, onHand: 15 },
    ]);
    expect(r.warnings).toEqual([{ line: 3, code: "repeated_sku", message: "MCU-1000 also appears on line 2: the figures are added up" }]);
  });
});

describe("createPartResolver", () => {
  const resolve = createPartResolver({ skus: ["MCU-1000"], crossRef: [["nw-1", "MCU-1000"]], barcodes: [["840012300011", "MCU-1000"]] });
  it("tries every id against every table: SKU, cross-reference, UPC/EAN/GTIN with or without leading zeros", () => {
    expect(resolve({ sku: "mcu-1000 " })).toBe("MCU-1000");
    expect(resolve({ sku: "NW-1" })).toBe("MCU-1000");
    expect(resolve({ distributorPart: "NW-1" })).toBe("MCU-1000");
    expect(resolve({ upc: "00840012300011" })).toBe("MCU-1000");
    expect(resolve({ sku: "840012300011" })).toBe("MCU-1000");
    expect(resolve({ sku: "XYZ", distributorPart: "NW-2" })).toBeNull();
  });
});

describe("smallLine", () => {
  it("reads an invoice line exactly as Number() did, for every one- and two-character text", async () => {
    const { smallLine } = await import("./seen-invoice-lines");
    const chars = [..."0123456789 .+-eEx\t"];
    const samples = [...chars, ...chars.flatMap((a) => chars.map((b) => a + b)), "", "100", "007"];
    for (const s of samples) {
      const n = s.length <= 2 ? Number(s) : NaN;
      expect(smallLine(s), JSON.stringify(s)).toBe(Number.isInteger(n) ? n : 0);
    }
  });
});
