/**
 * Where the header is: distributor reports often carry title lines, a period line and blank lines
 * above it. The header is the row (among the first 30) whose cells map best to known column
 * names; failing that, the first row of at least two mostly non-numeric cells whose width matches
 * the data rows below it.
 */
import { looksLikeDate } from "./dates";
import { CONFIDENT, matchHeader } from "./headers";
import { looksNumeric } from "./numbers";
import { cellText } from "./records";
import type { RawRow } from "./types";

const LOOK_AT = 30;

function width(row: RawRow): number {
  for (let i = row.cells.length - 1; i >= 0; i--) if (cellText(row.cells[i]) !== "") return i + 1;
  return 0;
}

function isHeaderLike(row: RawRow): boolean {
  const filled = row.cells.filter((c) => cellText(c) !== "");
  if (filled.length < 2) return false;
  const texty = filled.filter((c) => typeof c === "string" && !looksNumeric(c) && !looksLikeDate(c));
  return texty.length / filled.length >= 0.6;
}

/** Index in `rows` of the header row, or -1 when there is no non-blank row. */
export function findHeaderRow(rows: readonly RawRow[]): number {
  const nonBlank = rows.map((r, i) => ({ r, i })).filter(({ r }) => width(r) > 0).slice(0, LOOK_AT);
  if (nonBlank.length === 0) return -1;
  let best = { i: -1, score: 0 };
  for (const { r, i } of nonBlank) {
    if (!isHeaderLike(r)) continue;
    const fields = new Set(r.cells.map((c) => matchHeader(cellText(c))).filter((m) => m.field && m.confidence >= CONFIDENT).map((m) => m.field));
    if (fields.size >= 2 && fields.size > best.score) best = { i, score: fields.size };
  }
  if (best.i >= 0) return best.i;
  for (let k = 0; k < nonBlank.length; k++) {
    const { r, i } = nonBlank[k];
    if (!isHeaderLike(r)) continue;
    const below = nonBlank.slice(k + 1, k + 6).map(({ r: b }) => width(b));
    if (below.length === 0) continue;
    const matching = below.filter((w) => Math.abs(w - width(r)) <= 1).length;
    if (matching / below.length >= 0.6) return i;
  }
  return nonBlank[0].i;
}
