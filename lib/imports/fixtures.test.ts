import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accountedRows, chunked, EXPECTED, figures, fixture, FIXTURES, resolvePart } from "./__fixtures__/support";
import { parseUpload } from "./index";

const PERIOD = "2026-10";
const files = Object.keys(EXPECTED);

describe("shared fixtures import to the totals in expected.json", () => {
  it.each(files)("%s", async (name) => {
    const exp = EXPECTED[name];
    const r = await parseUpload({ bytes: fixture(name), period: PERIOD, resolvePart });
    expect(r.needs).toBeUndefined();
    expect(r.kind).toBe(exp.kind);
    if (exp.format) expect(r.format).toBe(exp.format);
    for (const field of ["sold", "returned", "onHand"] as const) {
      if (exp[field]) expect(figures(r, field), field).toEqual(exp[field]);
      else if (r.kind === "summary") expect(r.lines.every((l) => l[field] === null), `${field} not in file → null`).toBe(true);
    }
    expect(accountedRows(r)).toBe(r.rowsRead);
  });

  it.each(files)("%s gives the same answer when streamed in 7-byte chunks", async (name) => {
    const whole = await parseUpload({ bytes: fixture(name), period: PERIOD, resolvePart });
    const streamed = await parseUpload({ bytes: chunked(fixture(name), 7), period: PERIOD, resolvePart });
    expect(streamed).toEqual(whole);
  });

  it("POS CSV: out-of-period row, unknown part, totals row and credit are each reported, not counted", async () => {
    const r = await parseUpload({ bytes: fixture("northwind-pos-2026-10.csv"), period: PERIOD, resolvePart });
    expect(r.rowsAccepted).toBe(61);
    expect(r.outOfPeriod).toEqual([{ line: 63, date: "2026-09-30" }]);
    expect(r.unknownParts).toEqual([{ part: "XYZ-9999", rows: 1 }]);
    expect(r.skipped).toEqual([{ line: 65, reason: 'Totals row ("TOTAL")' }]);
    expect(r.credits).toBe(1);
    expect(r.errors).toEqual([]);
    expect(r.rowsRead).toBe(64);
    expect(r.lines.every((l) => l.onHand === null)).toBe(true);
    const credit = r.posLines.find((p) => p.invoice === "CM2610001")!;
    expect(credit).toMatchObject({ sku: "MCU-1000", quantity: -25, date: "2026-10-20", endCustomer: "Brightline Robotics, Inc.", unitPrice: 2.58 });
    expect(r.dateOrder).toBe("MDY");
    expect(r.mapping).toMatchObject({ 0: "date", 1: "invoice", 2: "invoiceLine", 3: "sku", 5: "quantity", 6: "unitPrice", 7: "endCustomer" });
  });

  it("XLSX: header below two title rows, the data sheet chosen over the notes sheet, real dates", async () => {
    const r = await parseUpload({ bytes: fixture("northwind-pos-2026-10.xlsx"), period: PERIOD, resolvePart });
    expect(r.sheet).toBe("POS");
    expect(r.headerLine).toBe(3);
    expect(r.posLines[0]).toMatchObject({ line: 4, date: "2026-10-16", invoice: "INV26100000", sku: "MEM-FL-16", quantity: 250 });
    expect(r.rowsAccepted).toBe(r.rowsRead);
  });

  it("UTF-16LE tab file in Northwind part numbers resolves through the cross-reference", async () => {
    const r = await parseUpload({ bytes: fixture("northwind-inventory-utf16.txt"), period: PERIOD, resolvePart });
    expect(r).toMatchObject({ encoding: "utf-16le", delimiter: "\t", kind: "summary", rowsAccepted: 20 });
    expect(r.lines.find((l) => l.sku === "MCU-1000")).toEqual({ sku: "MCU-1000", sold: null, returned: null, onHand: 7285 });
  });

  it("German summary: Windows-1252, ';', '.' groups thousands (1.401 → 1401)", async () => {
    const r = await parseUpload({ bytes: fixture("summary-de-2026-10.csv"), period: PERIOD, resolvePart });
    expect(r).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect(r.lines.find((l) => l.sku === "MCU-1000")).toEqual({ sku: "MCU-1000", sold: 392, returned: 0, onHand: 1401 });
  });

  it("867: PTD*RV blocks are returns to vendor, end customer and ship-to come from N1*ST/N4", async () => {
    const r = await parseUpload({ bytes: fixture("northwind-867-2026-10.edi"), period: PERIOD, resolvePart });
    const rv = r.posLines.filter((p) => p.movement === "return_to_vendor");
    expect(rv.map((p) => [p.sku, p.quantity, p.invoice])).toEqual([
      ["PMIC-240", 50, "RMA-PMIC-240"],
      ["SNS-GYR-6", 20, "RMA-SNS-GYR-6"],
    ]);
    expect(r.posLines[0]).toMatchObject({
      transferType: "SS", sku: "SNS-ACC-3", quantity: 25, date: "2026-10-15", invoice: "INV26100000", invoiceLine: "1",
      unitPrice: 1.1875, endCustomer: "SOLACE MEDICAL", shipToCity: "MINNEAPOLIS", shipToState: "MN", shipToCountry: "US",
      identifiers: { sku: "SNS-ACC-3", distributorPart: "NW-701096" },
    });
    expect(r.filePeriod).toEqual({ start: "2026-10-01", end: "2026-10-31" });
  });

  it("852: ZA*QR received is carried along but is not sold or on hand", async () => {
    const r = await parseUpload({ bytes: fixture("northwind-852-2026-10.edi"), period: PERIOD, resolvePart });
    expect(r.lines.find((l) => l.sku === "MCU-1000")).toEqual({ sku: "MCU-1000", sold: 464, returned: null, onHand: 4997, received: 1581 });
  });

  it("the copies in __fixtures__ match ../shared/fixtures (when that folder exists)", () => {
    const shared = path.resolve(FIXTURES, "../../../../shared/fixtures");
    if (!fs.existsSync(shared)) return;
    for (const name of [...files, "catalogue.csv", "northwind-crossref.csv", "expected.json"]) {
      expect(fixture(name).equals(fs.readFileSync(path.join(shared, name))), name).toBe(true);
    }
  });
});
