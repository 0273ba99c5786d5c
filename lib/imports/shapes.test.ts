/** Real-world file shapes beyond the shared fixtures, end to end through parseUpload. */
import { describe, expect, it } from "vitest";
import { accountedRows, chunked, resolvePart, UPC_OF, utf8 } from "./__fixtures__/support";
import { ImportError } from "./errors";
import { parseUpload, type ParseUploadInput } from "./index";

const upload = (bytes: ParseUploadInput["bytes"], extra: Partial<ParseUploadInput> = {}) =>
  parseUpload({ bytes, period: "2026-10", resolvePart, ...extra });
const sold = (r: { lines: { sku: string; sold: number | null }[] }) => Object.fromEntries(r.lines.map((l) => [l.sku, l.sold]));

describe("delimited shapes", () => {
  it("UTF-8 BOM, ';', DD.MM.YYYY, '.' thousands in quantities and decimal commas in prices", async () => {
    const csv = "\ufeffRechnungsdatum;Rechnungsnr;Pos;Artikelnummer;Menge;Einzelpreis;Kunde\r\n" +
      "03.10.2026;R-1;1;MCU-1000;1.250;2,15;Müller GmbH\r\n15.10.2026;R-1;2;LDO-330;40;0,12;Müller GmbH\r\n";
    const r = await upload(utf8(csv));
    expect(r).toMatchObject({ encoding: "utf-8", delimiter: ";", kind: "pos_lines", dateOrder: "DMY", headers: expect.arrayContaining(["Rechnungsdatum"]) });
    expect(sold(r)).toEqual({ "LDO-330": 40, "MCU-1000": 1250 });
    expect(r.posLines.map((p) => [p.date, p.unitPrice, p.endCustomer])).toEqual([
      ["2026-10-03", 2.15, "Müller GmbH"],
      ["2026-10-15", 0.12, "Müller GmbH"],
    ]);
  });

  it("pipe-delimited with a preamble and a quoted line break: errors name the physical line and column", async () => {
    const csv = [
      "Northwind POS export", "Generated 2026-11-02", "",
      "Invoice|Line|Date|Part #|Qty|Customer",
      'I1|1|2026-10-01|MCU-1000|5|"ACME', 'Plant 2"',
      "I1|2|2026-10-01|MCU-1000|abc|ACME",
      "I2|1|2026-10-02||7|ACME",
      "I2|2|2026-10-02|LDO-330|2.5|ACME",
    ].join("\n");
    const r = await upload(utf8(csv));
    expect(r).toMatchObject({ delimiter: "|", headerLine: 4, rowsRead: 4, rowsAccepted: 1 });
    expect(r.posLines[0]).toMatchObject({ line: 5, endCustomer: "ACME\nPlant 2" });
    expect(r.errors).toEqual([
      { line: 7, column: "Qty", message: '"abc" is not a quantity' },
      { line: 8, column: "Part #", message: "Part number is missing" },
      { line: 9, column: "Qty", message: '"2.5" is a fraction of a unit: quantities must be whole units' },
    ]);
  });

  it("Excel serial dates in a CSV, '(5)' credits, duplicates by invoice and line, a subtotal row without a label", async () => {
    const csv = "Invoice Date,Invoice #,Line #,SKU,Qty\n46298,A1,1,MCU-1000,10\n46300,A1,2,MCU-1000,(5)\n46300,A1,2,MCU-1000,(5)\n,,,,5\n46303,A2,1,LDO-330,3\n";
    const r = await upload(utf8(csv), { duplicates: "drop" });
    expect(sold(r)).toEqual({ "LDO-330": 3, "MCU-1000": 5 });
    expect(r.credits).toBe(1);
    expect(r.duplicates).toEqual([{ line: 4, invoice: "A1", invoiceLine: "2" }]);
    // Not answered yet: the identical line is kept, counted and asked about.
    const asked = await upload(utf8(csv));
    expect(sold(asked)).toEqual({ "LDO-330": 3, "MCU-1000": 0 });
    expect(asked.needs?.duplicates).toEqual({ lines: [4], count: 1 });
    expect(asked.identicalLines).toEqual([{ line: 4, invoice: "A1", invoiceLine: "2" }]);
    expect(r.skipped).toEqual([{ line: 5, reason: "No part number and only numbers: a totals or subtotal row" }]);
    expect(r.posLines.map((p) => p.date)).toEqual(["2026-10-03", "2026-10-05", "2026-10-08"]);
    expect(accountedRows(r)).toBe(r.rowsRead);
  });

  it("UTF-16 BE tab file; a summary resolved by UPC when the distributor part is unknown; a repeated header skipped", async () => {
    const tsv = `Dist Part #\tUPC\tOn Hand\tRTV\nNW-700000\t\t10\t1\nNW-NEW-1\t0${UPC_OF["LDO-330"]}\t20\t0\nDist Part #\tUPC\tOn Hand\tRTV\nNW-NEW-2\t\t3\t0\n`;
    const le = Buffer.from(tsv, "utf16le");
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    const r = await upload(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(r).toMatchObject({ encoding: "utf-16be", kind: "summary", delimiter: "\t" });
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: null, returned: 0, onHand: 20 },
      { sku: "MCU-1000", sold: null, returned: 1, onHand: 10 },
    ]);
    expect(r.skipped).toEqual([{ line: 4, reason: "The header row repeated" }]);
    expect(r.unknownParts).toEqual([{ part: "NW-NEW-2", rows: 1 }]);
  });
});

describe("the user decides the kind", () => {
  it("a dated per-part report read as a summary instead of POS lines", async () => {
    const csv = "Report Date,SKU,Qty\n10/31/2026,MCU-1000,7\n10/31/2026,LDO-330,3\n";
    expect((await upload(utf8(csv))).kind).toBe("pos_lines");
    const r = await upload(utf8(csv), { kind: "summary" });
    expect(r.kind).toBe("summary");
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 3, returned: null, onHand: null },
      { sku: "MCU-1000", sold: 7, returned: null, onHand: null },
    ]);
  });
});

describe("asking instead of guessing", () => {
  const ambiguous = "Date,Item,Qty\n10/03/2026,MCU-1000,1\n11/10/2026,MCU-1000,2\n";

  it("dates that fit both orders: assumed month/day, flagged; the user's order re-reads them", async () => {
    const r = await upload(utf8(ambiguous));
    expect(r.needs).toEqual({ dateOrder: true, assumed: "MDY" });
    expect(r.outOfPeriod).toEqual([{ line: 3, date: "2026-11-10" }]);
    const dmy = await upload(utf8(ambiguous), { dateOrder: "DMY" });
    expect(dmy.needs).toBeUndefined();
    expect(dmy.outOfPeriod).toEqual([{ line: 2, date: "2026-03-10" }]);
    expect(sold(dmy)).toEqual({ "MCU-1000": 2 });
  });

  it("a day over 12 after the first 2,000 rows: the file is read again day/month (or flagged when it cannot be)", async () => {
    const csv = "Date,Item,Qty\n" + "03/10/2026,MCU-1000,1\n".repeat(2500) + "25/10/2026,LDO-330,1\n";
    let restarts = 0;
    const r = await upload(utf8(csv), { onRestart: () => void restarts++ });
    expect(restarts).toBe(1);
    expect(r).toMatchObject({ dateOrder: "DMY", rowsAccepted: 2501, outOfPeriod: [] });
    const once = await upload(chunked(utf8(csv), 4096));
    expect(once.needs).toEqual({ dateOrder: true, assumed: "MDY" });
    expect(once.warnings.at(-1)!.message).toMatch(/day\/month/);
  });

  it("headers nobody knows: the suggestion, the headers and a 5-row preview; then the confirmed mapping", async () => {
    const csv = "Col A;Col B;Col C\n" + Array.from({ length: 7 }, (_, i) => `MCU-1000;x${i};${i}`).join("\n");
    const r = await upload(utf8(csv));
    expect(r.needs).toMatchObject({ mapping: true, headers: ["Col A", "Col B", "Col C"], suggested: { 0: "sku", 1: null, 2: null } });
    // Column A's values are our SKUs (so it is suggested as the part column); nothing says which column holds figures.
    expect(r.needs!.reasons).toEqual(["Which column holds the quantities?"]);
    expect(r.needs!.preview).toHaveLength(5);
    expect(r.needs!.preview![0]).toEqual(["MCU-1000", "x0", "0"]);
    expect(r.rowsRead).toBe(0);
    const mapped = await upload(utf8(csv), { mapping: { 0: "sku", 2: "onHand" } });
    expect(mapped.needs).toBeUndefined();
    expect(mapped.lines).toEqual([{ sku: "MCU-1000", sold: null, returned: null, onHand: 21 }]);
    expect(mapped.headerSignature).toBe(r.headerSignature);
  });
});

describe("refusals are typed ImportErrors", () => {
  const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ImportError);
  it("over the size limit, whether a Buffer or a stream", async () => {
    const big = utf8("SKU,On Hand\n" + "MCU-1000,1\n".repeat(200));
    expect(await refused(upload(big, { maxBytes: 1000 }))).toMatchObject({ code: "too_large", message: "The file is larger than the 1 KB limit" });
    expect(await refused(upload(chunked(big, 100), { maxBytes: 1000 }))).toMatchObject({ code: "too_large" });
  });
  it("binary, legacy .xls, empty files and bad options", async () => {
    expect(await refused(upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])))).toMatchObject({ code: "unsupported" });
    expect(await refused(upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))).toMatchObject({ code: "unsupported", message: /\.xls/ });
    expect(await refused(upload(Buffer.alloc(0)))).toMatchObject({ code: "empty" });
    expect(await refused(upload(utf8("\n\n  \n")))).toMatchObject({ code: "empty" });
    expect(await refused(upload(utf8("a,b"), { period: "2026-13" }))).toMatchObject({ code: "invalid_options", message: /period/ });
  });
});
