/**
 * The rows of a claim spreadsheet, read with the POS upload's machinery: text decoded by
 * `decode.ts` (UTF-8 with or without BOM, UTF-16, Windows-1252) and split by `delimited.ts` (delimiter
 * detected, quotes, line breaks inside fields, 1-based physical lines); workbooks through the zip-bomb
 * guard (`zip-guard.ts`) and exceljs's streaming reader with `xlsx.ts`'s cell conversion (real dates,
 * rich text, formula results). Claim files are small: rows are held in memory.
 */
import type ExcelJS from "exceljs";
import { decodeBuffer } from "../decode";
import { openDelimited, type Delimiter } from "../delimited";
import { asCorrupt } from "../errors";
import type { RawRow } from "../types";
import { rawRowOf, sheetName, verifiedWorkbook, workbookReader } from "../xlsx";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "../zip-guard";

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
  const entries = await verifiedWorkbook(buf, limits);
  const sheets: Sheet[] = [];
  try {
    for await (const ws of workbookReader(buf, entries)) {
      const rows: RawRow[] = [];
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) rows.push(rawRowOf(row));
      sheets.push({ name: sheetName(ws, sheets.length + 1), rows });
    }
  } catch (e) {
    throw asCorrupt(e, "The workbook");
  }
  return sheets;
}
