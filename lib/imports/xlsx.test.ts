import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { resolvePart, utf8 } from "./__fixtures__/support";
import { makeZip, unzip } from "./__fixtures__/zip";
import { ImportError } from "./errors";
import { parseUpload } from "./index";

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (bytes: Buffer, extra: Partial<Parameters<typeof parseUpload>[0]> = {}) =>
  parseUpload({ bytes, period: "2026-10", resolvePart, ...extra });

function inventorySheet(wb: ExcelJS.Workbook, name: string, onHand = "1,234") {
  const ws = wb.addWorksheet(name);
  ws.addRow(["Northwind Components"]);
  ws.addRow(["Inventory as of", new Date(Date.UTC(2026, 9, 31))]);
  ws.addRow([]);
  ws.addRow(["Part #", "Description", "Units Sold", "On Hand"]);
  ws.addRow(["NW-700000", "MCU", "392", onHand]); // numbers stored as text
  ws.addRow([{ richText: [{ text: "LDO-" }, { text: "330" }] }, "LDO", { formula: "1+1", result: 2 }, 5]);
  ws.addRow(["Total", "", "394", "1,239"]);
}

describe("XLSX", () => {
  it("data on the second sheet, header on row 4, numbers stored as text, formulas and rich text", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Read me").addRow(["This report lists on-hand stock per part."]);
      inventorySheet(wb, "Inventory");
    });
    const r = await upload(bytes);
    expect(r.needs).toBeUndefined();
    expect(r).toMatchObject({ format: "xlsx", kind: "summary", sheet: "Inventory", headerLine: 4, rowsRead: 3, rowsAccepted: 2 });
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 2, returned: null, onHand: 5 },
      { sku: "MCU-1000", sold: 392, returned: null, onHand: 1234 },
    ]);
    expect(r.skipped).toEqual([{ line: 7, reason: 'Totals row ("Total")' }]);
  });

  it("POS lines with real dates, dates as DD.MM.YYYY text and an Excel serial", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("POS");
      ws.addRow(["Rechnungsdatum", "Rechnung", "Artikelnummer", "Menge", "Kunde"]);
      ws.addRow([new Date(Date.UTC(2026, 9, 3)), "R1", "MCU-1000", 10, "Keller"]);
      ws.addRow(["15.10.2026", "R2", "MCU-1000", "1.500", "Keller"]);
      ws.addRow([46317, "R3", "LDO-330", 7, "Keller"]);
      ws.addRow(["30.09.2026", "R4", "LDO-330", 1, "Keller"]);
    });
    const r = await upload(bytes);
    expect(r.lines).toEqual([
      { sku: "LDO-330", sold: 7, returned: 0, onHand: null },
      { sku: "MCU-1000", sold: 1510, returned: 0, onHand: null },
    ]);
    expect(r.posLines.map((p) => p.date)).toEqual(["2026-10-03", "2026-10-15", "2026-10-22"]);
    expect(r.outOfPeriod).toEqual([{ line: 5, date: "2026-09-30" }]);
    expect(r.dateOrder).toBe("DMY");
  });

  it("two sheets that both hold data: ask which (and read the one named)", async () => {
    const bytes = await workbook((wb) => {
      inventorySheet(wb, "September", "1,000");
      inventorySheet(wb, "October", "2,000");
    });
    const asked = await upload(bytes);
    expect(asked.needs).toEqual({ sheet: ["September", "October"] });
    const chosen = await upload(bytes, { sheet: "October" });
    expect(chosen.needs).toBeUndefined();
    expect(chosen.sheet).toBe("October");
    expect(chosen.lines.find((l) => l.sku === "MCU-1000")!.onHand).toBe(2000);
    await expect(upload(bytes, { sheet: "November" })).rejects.toMatchObject({ code: "invalid_options", message: /no sheet named "November" \(it has "September", "October"\)/ });
  });

  it("broken sheet XML (inside a sound ZIP) is a clear corrupt error, as is a sheet cut off", async () => {
    const good = await workbook((wb) => inventorySheet(wb, "Inventory"));
    const withSheet = (f: (xml: string) => string) =>
      makeZip(unzip(good).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, data: utf8(f(e.data.toString("utf8"))) } : e)));
    const broken = await upload(withSheet((x) => x.replace("<sheetData>", "<sheetData><row r=>"))).then(() => null, (err: unknown) => err);
    expect(broken).toBeInstanceOf(ImportError);
    expect(broken).toMatchObject({ code: "corrupt", message: /^The workbook could not be read: its contents are damaged/ });
    // The XML parser's own words ("attribute without value", line and column) are not for the user.
    expect((broken as Error).message).toMatch(/^The workbook could not be read: its contents are damaged/);
    expect((broken as Error).message).not.toMatch(/attribute|line:|column:|sax/i);
    await expect(upload(withSheet((x) => x.slice(0, x.length - 200)))).rejects.toMatchObject({ code: "corrupt", message: /sheet1.xml is cut off/ });
  });

  it("leaves no temporary file behind, read or refused, even when the sheets come before the shared strings", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sellthru-xlsx-"));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = dir; // where exceljs's reader would park a sheet (the tmp package reads os.tmpdir())
    try {
      const good = await workbook((wb) => inventorySheet(wb, "Inventory"));
      // Excel itself writes the sheets before xl/sharedStrings.xml: a streaming reader meets them first.
      const sheetsFirst = (f: (xml: string) => string) => {
        const entries = unzip(good).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, data: utf8(f(e.data.toString("utf8"))) } : e));
        const late = (n: string) => n === "xl/sharedStrings.xml" || n === "xl/_rels/workbook.xml.rels";
        return makeZip([...entries.filter((e) => !late(e.name)), ...entries.filter((e) => late(e.name))]);
      };
      const read = await upload(sheetsFirst((x) => x));
      expect(read.lines.find((l) => l.sku === "MCU-1000")?.onHand).toBe(1234);
      for (const breakIt of [(x: string) => x.replace("<sheetData>", "<sheetData><row r=>"), (x: string) => x.replace("</row>", "</row><row><c><v>1</c></row>")]) {
        await expect(upload(sheetsFirst(breakIt))).rejects.toMatchObject({ code: "corrupt" });
      }
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an empty workbook", async () => {
    const bytes = await workbook((wb) => void wb.addWorksheet("Sheet1"));
    await expect(upload(bytes)).rejects.toMatchObject({ code: "empty" });
  });
});
