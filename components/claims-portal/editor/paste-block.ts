import { LINE_COLUMNS, type LineColumn } from "./line-draft";

/** A block copied from a spreadsheet: rows of tab-separated cells (a trailing empty line dropped). */
export function pastedCells(text: string): string[][] | null {
  if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return null;
  const rows = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  return rows.map((r) => r.split("\t"));
}

/** Where each pasted cell goes: from the row and column pasted into, rightwards and down (cells past the last column dropped). */
export function placeCells(cells: string[][], row: number, column: LineColumn): { row: number; column: LineColumn; text: string }[] {
  const first = LINE_COLUMNS.indexOf(column);
  const out: { row: number; column: LineColumn; text: string }[] = [];
  cells.forEach((r, i) =>
    r.forEach((text, j) => {
      const c = LINE_COLUMNS[first + j];
      if (c) out.push({ row: row + i, column: c, text: text.trim() });
    }),
  );
  return out;
}
