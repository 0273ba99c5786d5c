/**
 * A claim spreadsheet's rows (CSV/TSV or one XLSX sheet, as `delimited.ts` / `xlsx` give them) → a
 * claim. The header row is found, its columns mapped to the claim fields (a saved mapping wins; a
 * suggestion missing a required field or unsure of one is asked about, as `needs`), the decimal mark
 * decided per numeric column and the day/month order of the ship dates over the whole column (given,
 * decided by the values, or assumed month/day and asked). Every data row ends as a line, an error
 * naming its line and field, or a warning (a totals or repeated header row).
 */
import { DateOrderEvidence } from "../dates";
import { ImportError } from "../errors";
import { defaultStyleFor, inferNumberStyle, type InferredStyle, type NumberStyle } from "../numbers";
import { cellText } from "../records";
import type { DateOrder, RawRow } from "../types";
import {
  CLAIM_CONFIDENT, CLAIM_FIELDS, claimHeaderSignature, emptyMapping, FIELD_LABELS, findClaimHeaderRow, REQUIRED_FIELDS, suggestClaimMapping,
  type ClaimField, type ClaimMapping,
} from "./claim-columns";
import { convertClaimRow } from "./claim-row";
import { numberLines } from "./line-numbers";
import type { ClaimLineInput, ClaimNeed, ClaimTableResult, ClaimWarning } from "./types";

export interface ClaimTableOptions {
  /** A mapping the distributor confirmed for this layout (stored under `headerSignature`). */
  savedMapping?: Partial<Record<ClaimField, number | null>> | null;
  dateOrder?: DateOrder;
  /** "YYYY-MM": ship dates like 03/04/2026 that fit only one order inside it decide the order. */
  period?: string;
  /** The CSV delimiter: a ";" file defaults to the decimal comma where a column shows no evidence. */
  delimiter?: string;
}

const MONEY: ClaimField[] = ["bookCost", "authorizedCost", "claimedAmount"];

/** A saved mapping that fits this header, or null (said in a warning) when it names columns the file does not have. */
function fitSaved(saved: ClaimTableOptions["savedMapping"], width: number, warnings: ClaimWarning[]): ClaimMapping | null {
  if (!saved) return null;
  const mapping = emptyMapping();
  for (const [k, v] of Object.entries(saved)) {
    if (!(CLAIM_FIELDS as readonly string[]).includes(k) || v === null || v === undefined) continue;
    if (!Number.isInteger(v) || v < 0 || v >= width) {
      warnings.push({ code: "saved_mapping", message: `The saved column mapping puts ${FIELD_LABELS[k as ClaimField]} in column ${Number(v) + 1}, which this file does not have: the columns are suggested again` });
      return null;
    }
    mapping[k as ClaimField] = v;
  }
  return mapping;
}

function trimEnd(cells: string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/** The header row (index in `rows`), its texts and the layout's signature; throws "empty" when there is no row. */
export function claimHeader(rows: readonly RawRow[]): { index: number; headers: string[]; signature: string } {
  const index = findClaimHeaderRow(rows);
  if (index < 0) throw new ImportError("empty", "The file has no rows");
  const headers = trimEnd(rows[index].cells.map(cellText));
  return { index, headers, signature: claimHeaderSignature(headers) };
}

export function readClaimTable(rows: readonly RawRow[], opts: ClaimTableOptions = {}): ClaimTableResult {
  const { index: h, headers, signature } = claimHeader(rows);
  const data = rows.slice(h + 1);
  const warnings: ClaimWarning[] = [];
  const suggested = suggestClaimMapping(headers);
  const saved = fitSaved(opts.savedMapping, headers.length, warnings);
  const mapping = saved ?? suggested.mapping;
  const base = { mapping, headerSignature: signature, headers, headerLine: rows[h].line };

  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === null);
  const uncertain = saved ? [] : CLAIM_FIELDS.filter((f) => mapping[f] !== null && (suggested.confidence[f] ?? 0) < CLAIM_CONFIDENT);
  if (missing.length > 0 || uncertain.length > 0) {
    const preview = data.filter((r) => r.cells.some((c) => cellText(c) !== "")).slice(0, 5).map((r) => r.cells.map(cellText));
    return { ...base, needs: [{ kind: "mapping", missing, uncertain, headers, suggested: suggested.mapping, preview }], lines: [], errors: [], warnings };
  }
  if (mapping.claimedAmount === null) warnings.push({ code: "amount_computed", message: "No claimed-amount column: each line claims quantity × (book − authorised)" });

  // Decimal mark per money column, then the quantity (a decisive money column sets the file's convention).
  let fileStyle: InferredStyle = defaultStyleFor(opts.delimiter);
  const styles: Partial<Record<ClaimField, NumberStyle>> = {};
  for (const f of [...MONEY, "quantity"] as ClaimField[]) {
    const c = mapping[f];
    if (c === null) continue;
    const inferred = inferNumberStyle(data.map((r) => r.cells[c] ?? null), { integer: f === "quantity", fallback: fileStyle });
    styles[f] = inferred.style;
    if (inferred.evidence === "decisive" && fileStyle.evidence !== "decisive") fileStyle = inferred;
  }

  const evidence = new DateOrderEvidence(opts.period);
  for (const r of data) evidence.add(r.cells[mapping.shipDate!] ?? null);
  const sampled = evidence.result(true);
  const dateOrder: DateOrder = opts.dateOrder ?? sampled.order ?? "MDY";
  const needs: ClaimNeed[] = [];
  if (!opts.dateOrder && !sampled.order && sampled.ambiguous) needs.push({ kind: "dateOrder", assumed: dateOrder, ...(evidence.example ? { example: evidence.example } : {}) });
  if (!opts.dateOrder && sampled.conflict) warnings.push({ code: "date_order", message: "Ship dates in this file fit both day/month orders on different rows; rows that do not fit the majority are listed as errors" });
  if (!opts.dateOrder && sampled.byPeriod) warnings.push({ code: "date_order", message: `Ship dates like ${sampled.example ?? "03/04"} fit both orders: read as ${dateOrder === "DMY" ? "day/month" : "month/day"}, the only order that puts them in ${opts.period}` });

  const lines: ClaimLineInput[] = [];
  const errors: ClaimTableResult["errors"] = [];
  const plan = { mapping, headers, styles, dateOrder };
  let seq = 0; // without a line column, a line's number is its place among the file's claim rows (errors included)
  for (const row of data) {
    const out = convertClaimRow(row, plan);
    if (out.t === "blank") continue;
    if (out.t === "skip") {
      warnings.push({ line: row.line, code: "row_skipped", message: `Line ${row.line} is ${out.reason}; not read` });
      continue;
    }
    seq++;
    if (out.t === "error") for (const e of out.errors) errors.push({ line: row.line, ...e });
    else {
      if (mapping.line === null) out.line.line = seq;
      lines.push(out.line);
      for (const message of out.warnings) warnings.push({ line: row.line, code: "amount_computed", message });
    }
  }
  const renumbered = mapping.line === null ? null : numberLines(lines, `The “${headers[mapping.line]}” column's`);
  if (renumbered) warnings.push(renumbered);
  return { ...base, ...(needs.length > 0 ? { needs } : {}), lines, errors, warnings, dateOrder };
}
