import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvCell } from "@/lib/http/csv";
import type { GapRow } from "@/lib/dal/gaps/list-gaps";

/** The CSV columns of the contract, in order (the header line is part of the contract). */
export const CSV_COLUMNS = [
  "distributor", "sku", "description", "family", "opening", "sellIn", "sellThrough", "returns", "adjustments",
  "calculated", "reported", "gap", "gapPct", "newGap", "weeksOfSupply", "flags",
] as const;

const XLSX_HEADERS: Record<(typeof CSV_COLUMNS)[number], string> = {
  distributor: "Distributor", sku: "SKU", description: "Description", family: "Family", opening: "Opening",
  sellIn: "Sell-in", sellThrough: "Sell-through", returns: "Returns", adjustments: "Adjustments", calculated: "Calculated",
  reported: "Reported", gap: "Gap", gapPct: "Gap %", newGap: "New gap", weeksOfSupply: "Weeks of supply", flags: "Flags",
};

const FILE_SAFE = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");

function downloadHeaders(contentType: string, fileName: string): HeadersInit {
  return {
    "content-type": contentType,
    "content-disposition": `attachment; filename="${FILE_SAFE(fileName)}"`,
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  };
}

/** Streams the rows as CSV, every cell safe to open in a spreadsheet (lib/http/csv). */
export function csvStream(pages: AsyncGenerator<GapRow[]>, fileName: string): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(enc.encode(CSV_COLUMNS.join(",") + "\r\n"));
    },
    async pull(controller) {
      try {
        const { value, done } = await pages.next();
        if (done) return controller.close();
        controller.enqueue(enc.encode(value.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(",")).join("\r\n") + "\r\n"));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, { headers: downloadHeaders("text/csv; charset=utf-8", fileName) });
}

/**
 * A text cell that no spreadsheet will evaluate: text starting with = + - @ tab or CR gets a leading
 * apostrophe (OWASP "CSV injection"). exceljs writes strings as strings, never as formulas, and this
 * keeps the same rule as the CSV export. Numbers stay numbers.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? "'" + value : value;
}

function xlsxCell(row: GapRow, c: (typeof CSV_COLUMNS)[number]): string | number | null {
  const v = row[c];
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return safeText(v.join(", "));
  return safeText(String(v));
}

/** Streams the rows as one XLSX worksheet (exceljs streaming writer): header frozen, filters on. */
export function xlsxStream(pages: AsyncGenerator<GapRow[]>, period: string, fileName: string): Response {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  wb.creator = "Sellthru";
  const ws = wb.addWorksheet(`Gaps ${period}`, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = CSV_COLUMNS.map((c) => ({
    header: XLSX_HEADERS[c],
    key: c,
    width: c === "description" ? 32 : c === "flags" ? 28 : c === "distributor" || c === "sku" || c === "family" ? 14 : 12,
    style: c === "gapPct" || c === "weeksOfSupply" ? { numFmt: "0.0" } : ["distributor", "sku", "description", "family", "flags"].includes(c) ? {} : { numFmt: "#,##0" },
  }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_COLUMNS.length } };
  (async () => {
    try {
      for await (const page of pages) {
        for (const r of page) ws.addRow(CSV_COLUMNS.map((c) => xlsxCell(r, c))).commit();
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  const body = Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: downloadHeaders("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName),
  });
}
