/**
 * The rows of a claim spreadsheet, read with the POS upload's machinery: text decoded by
 * `decode.ts` (UTF-8 with or without BOM, UTF-16, Windows-1252) and split by `delimited.ts` (delimiter
 * detected, quotes, line breaks inside fields, 1-based physical lines); workbooks through the zip-bomb
 * guard (`zip-guard.ts`) and exceljs's streaming reader with `xlsx.ts`'s cell conversion (real dates,
 * rich text, formula results). Claim files are small: rows are held in memory.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { decodeBuffer } from "../decode";
import { openDelimited, type Delimiter } from "../delimited";
import { asCorrupt, ImportError } from "../errors";
import type { Cell, RawRow } from "../types";
import { toCell } from "../xlsx";
import { DEFAULT_ZIP_LIMITS, inspectZip, normalizedZip, verifyEntries, type ZipLimits } from "../zip-guard";

export interface DelimitedTable {
  rows: RawRow[];
  delimiter: Delimiter;
  encoding: string;
  /** Malformed quoting PapaParse reported, with the line it starts on. */
  problems: { line: number; message: string }[];
}

export async function delimitedRows(bytes: Uint8Array): Promise<DelimitedTable> {
  const { text, encoding } = decodeBuffer(bytes);
  async function* once(): AsyncGenerator<string> {
    yield text;
  }
  const d = await openDelimited(once());
  const rows: RawRow[] = [];
  for await (const batch of d.batches) for (const r of batch) rows.push(r);
  return { rows, delimiter: d.delimiter, encoding, problems: d.problems };
}

export interface Sheet {
  name: string;
  rows: RawRow[];
}

export async function workbookSheets(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Sheet[]> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = inspectZip(buf, limits);
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new ImportError("unsupported", "This ZIP file is not an Excel workbook (.xlsx). Upload CSV, XLSX or EDI.");
  }
  await verifyEntries(buf, entries);
  const sheets: Sheet[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(normalizedZip(buf, entries), { objectMode: false }), {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string; id?: number }>) {
      const rows: RawRow[] = [];
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        rows.push({ line: row.number, cells });
      }
      sheets.push({ name: ws.name ?? `Sheet${ws.id ?? sheets.length + 1}`, rows });
    }
  } catch (e) {
    throw asCorrupt(e, "The workbook");
  }
  return sheets;
}
