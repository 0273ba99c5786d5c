/**
 * XLSX through exceljs's streaming WorkbookReader (rows are never all held at once), after the
 * zip-bomb guard, which also decides what the reader sees: only the verified entries, re-packed
 * (`normalizedZip`), so it never inflates an unchecked byte nor parks a sheet in a temporary file. Every sheet is offered to the spreadsheet pipeline; the sheet whose header maps
 * best is the data, and the user is asked when two sheets are equally good.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { asCorrupt, ImportError } from "./errors";
import { readTable, type TabularOptions, type TabularOutcome } from "./tabular";
import type { Cell, RawRow, ResolvedPosLine } from "./types";
import { DEFAULT_ZIP_LIMITS, inspectZip, normalizedZip, verifyEntries, type ZipEntry, type ZipLimits } from "./zip-guard";

/** An exceljs cell value (rich text, formula, hyperlink, error…) as a plain cell. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    if ("result" in o) return toCell(o.result);
    if ("formula" in o || "sharedFormula" in o) return null;
    if (typeof o.text === "string") return o.text;
    if (typeof o.error === "string") return o.error;
  }
  return String(v);
}

/** A worksheet row as a raw row: its cells (exceljs counts them from 1) on its line. */
export function rawRowOf(row: ExcelJS.Row): RawRow {
  const values = row.values as unknown[];
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
  return { line: row.number, cells };
}

type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name?: string; id?: number };

/** The workbook's entries once the zip-bomb guard has checked and inflated them; a ZIP without a workbook is `unsupported`. */
export async function verifiedWorkbook(buf: Buffer, limits: ZipLimits): Promise<ZipEntry[]> {
  const entries = inspectZip(buf, limits);
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new ImportError("unsupported", "This ZIP file is not an Excel workbook (.xlsx). Upload CSV, XLSX or EDI.");
  }
  await verifyEntries(buf, entries);
  return entries;
}

/** exceljs's streaming reader over the verified entries only (re-packed), emitting each sheet in turn. */
export function workbookReader(buf: Buffer, entries: ZipEntry[]): AsyncIterable<SheetReader> {
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(normalizedZip(buf, entries), { objectMode: false }), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  }) as AsyncIterable<SheetReader>;
}

/** A sheet's name, or `Sheet<id>` (else `Sheet<n>`, its place) when the file does not give one. */
export const sheetName = (ws: SheetReader, n: number): string => ws.name ?? `Sheet${ws.id ?? n}`;

async function* rowsOf(ws: AsyncIterable<ExcelJS.Row>): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  for await (const row of ws) {
    batch.push(rawRowOf(row));
    if (batch.length >= 500) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export interface XlsxOptions extends TabularOptions {
  sheet?: string;
  zipLimits?: ZipLimits;
}

export type XlsxOutcome = TabularOutcome & { sheet: string; sheets: string[]; candidates: string[] };

export async function readXlsx(buf: Buffer, opts: XlsxOptions): Promise<XlsxOutcome> {
  const entries = await verifiedWorkbook(buf, opts.zipLimits ?? DEFAULT_ZIP_LIMITS);

  const { onPosLines, ...rest } = opts;
  const outcomes: (TabularOutcome & { sheet: string; posLines: ResolvedPosLine[] })[] = [];
  const sheets: string[] = [];
  try {
    for await (const ws of workbookReader(buf, entries)) {
      const name = sheetName(ws, sheets.length + 1);
      sheets.push(name);
      const wanted = !opts.sheet || opts.sheet === name;
      const posLines: ResolvedPosLine[] = [];
      const rows = rowsOf(ws as unknown as AsyncIterable<ExcelJS.Row>);
      if (!wanted) {
        for await (const _ of rows); // exceljs needs each sheet consumed before the next
        continue;
      }
      try {
        const outcome = await readTable(rows, { ...rest, onPosLines: (b) => void posLines.push(...b) });
        for await (const _ of rows); // a sheet that needs a mapping was not read to its end
        outcomes.push({ ...outcome, sheet: name, posLines });
      } catch (e) {
        if (!(e instanceof ImportError && e.code === "empty")) throw e; // an empty sheet is no candidate
      }
    }
  } catch (e) {
    throw asCorrupt(e, "The workbook");
  }

  if (outcomes.length === 0) {
    if (!opts.sheet) throw new ImportError("empty", "The workbook has no data on any sheet");
    throw new ImportError("invalid_options", `The workbook has no sheet named "${opts.sheet}" (it has ${sheets.map((s) => `"${s}"`).join(", ")})`);
  }
  const usable = outcomes.filter((o) => !o.needs?.mapping).sort((a, b) => b.score - a.score);
  const chosen = usable[0] ?? outcomes.sort((a, b) => b.score - a.score)[0];
  const candidates = usable.filter((o) => o.score >= chosen.score - 1).map((o) => o.sheet);
  if (onPosLines) {
    for (let i = 0; i < chosen.posLines.length; i += 1000) await onPosLines(chosen.posLines.slice(i, i + 1000));
  } else chosen.result.posLines = chosen.posLines;
  const { posLines: _unused, ...outcome } = chosen;
  return { ...outcome, sheets, candidates };
}
