import Papa from "papaparse";
import { AppError } from "@/lib/errors";

export interface CsvRecord {
  /** The line of the file the row starts on (header = line 1). */
  line: number;
  values: Record<string, string>;
}

/**
 * Parses a CSV with a header row (names trimmed and lower-cased, Excel's BOM dropped). Blank lines
 * are skipped but still counted, so `line` is the line a spreadsheet user sees. A missing required
 * column is a 400 that names it; nothing is imported then.
 */
export function parseCsvRecords(text: string, required: readonly string[], expected: readonly string[]): CsvRecord[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const missing = required.filter((h) => !header.includes(h));
  if (missing.length) {
    throw new AppError("validation_failed", `The CSV header lacks ${missing.join(", ")}; expected ${expected.join(",")}`, [
      { path: "header", message: `Missing columns: ${missing.join(", ")}` },
    ]);
  }
  const out: CsvRecord[] = [];
  let line = 1;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    line += 1;
    if (cells.every((c) => String(c).trim() === "")) continue;
    const values: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h && values[h] === undefined) values[h] = cells[j] ?? "";
    });
    out.push({ line, values });
    // A quoted cell with line breaks spans several lines of the file.
    for (const c of cells) line += (String(c).match(/\r\n|\r|\n/g) ?? []).length;
  }
  return out;
}

/** "sku: SKU is required; list_price: …" from a zod error, naming the column of each problem. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => {
      const col = i.path.map(String).join(".");
      return col && !i.message.toLowerCase().startsWith(col) ? `${col}: ${i.message}` : i.message;
    })
    .join("; ");
}

/** Splits a list into chunks of `size` (bounded statement sizes). */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
