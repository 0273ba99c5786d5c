/**
 * Numbers as distributors write them: "1,234" or "1.234" or "1 234" or "1’234"; negatives as
 * "-25", "25-", "(25)"; prices with either decimal mark. Which mark is the decimal one is decided
 * per column from the evidence in its values (then per file, then from the delimiter).
 */
import type { Cell } from "./types";

export interface NumberStyle {
  decimal: "." | ",";
}
export type Evidence = "decisive" | "inferred" | "default";
export interface InferredStyle {
  style: NumberStyle;
  evidence: Evidence;
}

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** Quantities above this are rejected as implausible (same limit as the submission schema). */
export const MAX_QUANTITY = 100_000_000;

const PLAIN_INT = /^-?\d{1,8}$/;
const PLAIN_DEC = /^\d{1,9}(?:\.\d{1,6})?$/;
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;
const APOSTROPHES = /(?<=\d)['’ʼ](?=\d)/g;
const UNIT_SUFFIX = /(?:ea|each|pcs?|pieces?|units?|stk|stück|st)\.?$/i;
const CURRENCY = /^(?:[$€£¥]|usd|eur|gbp|chf|cad|jpy)|(?:[$€£¥]|usd|eur|gbp|chf|cad|jpy)$/i;

interface Cleaned {
  negative: boolean;
  body: string;
}

/** Strips sign, spaces, apostrophe groupings, unit and currency; null when nothing numeric is left. */
function clean(raw: string, currency: boolean): Cleaned | null {
  let s = raw.trim();
  if (currency) s = s.replace(CURRENCY, "").trim();
  s = s.replace(UNIT_SUFFIX, "").trim();
  if (currency) s = s.replace(CURRENCY, "").trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) [negative, s] = [true, s.slice(1, -1).trim()];
  if (/^[-−–]/.test(s)) [negative, s] = [!negative, s.slice(1).trim()];
  else if (s.startsWith("+")) s = s.slice(1).trim();
  if (/[-−]$/.test(s)) [negative, s] = [!negative, s.slice(0, -1).trim()];
  if (currency) s = s.replace(CURRENCY, "").trim();
  s = s.replace(SPACES, "").replace(APOSTROPHES, "");
  if (!/^(?:\d[\d.,]*|[.,]\d+)$/.test(s)) return null;
  return { negative, body: s };
}

/** Parses a cleaned body with a decimal mark; the other mark may only group thousands. */
function withStyle(body: string, style: NumberStyle): number | null {
  const thousands = style.decimal === "." ? "," : ".";
  const parts = body.split(style.decimal);
  if (parts.length > 2) return null;
  const [int, frac] = parts;
  if (int.includes(thousands)) {
    const groups = int.split(thousands);
    if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  }
  const digits = int.split(thousands).join("") || "0";
  if (frac !== undefined && !/^\d*$/.test(frac)) return null;
  return Number(frac ? `${digits}.${frac}` : digits);
}

/**
 * Decides the decimal mark of a column. Decisive evidence: both marks in one value (the last is
 * decimal), a mark used twice ("1.234.567": grouping), a mark not followed by exactly 3 digits
 * ("2,5": decimal), "0.250". Values like "1.401" are ambiguous: in an integer column they are
 * grouping (units are whole), unless every value has the same three-decimal tail "…000"
 * (fixed-decimal exports such as "25.000") or other values of 4+ digits carry no grouping.
 */
export function inferNumberStyle(values: readonly Cell[], opts: { integer: boolean; fallback?: InferredStyle }): InferredStyle {
  const votes = { ".": 0, ",": 0 };
  const ambiguous: { mark: "." | ","; tail: string }[] = [];
  let plain = 0;
  let plainLong = 0;
  for (const v of values) {
    if (typeof v !== "string") continue;
    const c = clean(v, !opts.integer);
    if (!c) continue;
    const { body } = c;
    const dot = body.lastIndexOf(".");
    const comma = body.lastIndexOf(",");
    if (dot >= 0 && comma >= 0) votes[dot > comma ? "." : ","]++;
    else if (dot >= 0 || comma >= 0) {
      const mark = dot >= 0 ? "." : ",";
      const other = mark === "." ? "," : ".";
      const occurrences = body.split(mark).length - 1;
      const tail = body.slice(body.lastIndexOf(mark) + 1);
      if (occurrences > 1) votes[other]++;
      else if (tail.length !== 3 || /^0*$/.test(body.slice(0, body.indexOf(mark)))) votes[mark]++;
      else ambiguous.push({ mark, tail });
    } else {
      plain++;
      if (body.replace(/^0+/, "").length >= 4) plainLong++;
    }
  }
  if (votes["."] || votes[","]) return { style: { decimal: votes["."] >= votes[","] ? "." : "," }, evidence: "decisive" };
  if (ambiguous.length > 0) {
    const mark = ambiguous[0].mark;
    const other = mark === "." ? "," : ".";
    if (!opts.integer) return opts.fallback && opts.fallback.evidence !== "default" ? opts.fallback : { style: { decimal: mark }, evidence: "inferred" };
    const fixedDecimals = ambiguous.length >= 3 && plain === 0 && ambiguous.every((a) => a.tail === "000");
    if (fixedDecimals || plainLong > 0) return { style: { decimal: mark }, evidence: "inferred" };
    return { style: { decimal: other }, evidence: "inferred" };
  }
  return opts.fallback ?? { style: { decimal: "." }, evidence: "default" };
}

/** A file-level default when a column gives no evidence: `;`-separated files are European. */
export function defaultStyleFor(delimiter?: string): InferredStyle {
  return { style: { decimal: delimiter === ";" ? "," : "." }, evidence: "default" };
}

function display(raw: Cell): string {
  return typeof raw === "string" ? `"${raw.trim()}"` : String(raw);
}

/** Signed whole units. Empty → `{ ok: true, value: null }`. Fractions are rejected (unless ".000"). */
export function parseQuantity(raw: Cell, style: NumberStyle): Parsed {
  if (typeof raw === "string" && PLAIN_INT.test(raw)) return { ok: true, value: Number(raw) || 0 }; // the common case, fast
  let n: number | null;
  if (raw === null || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  if (typeof raw === "number") n = Math.abs(raw - Math.round(raw)) < 1e-9 ? Math.round(raw) : raw;
  else if (typeof raw === "string") {
    const c = clean(raw, false);
    const v = c ? withStyle(c.body, style) : null;
    if (v === null || !c) return { ok: false, message: `${display(raw)} is not a quantity` };
    n = c.negative ? -v : v;
  } else return { ok: false, message: `${display(raw)} is not a quantity` };
  if (!Number.isFinite(n)) return { ok: false, message: `${display(raw)} is not a quantity` };
  if (!Number.isInteger(n)) {
    return { ok: false, message: `${display(raw)} is a fraction of a unit: quantities must be whole units` };
  }
  if (Math.abs(n) > MAX_QUANTITY) return { ok: false, message: `${display(raw)} is implausibly large (over ${MAX_QUANTITY.toLocaleString("en-US")} units)` };
  return { ok: true, value: n === 0 ? 0 : n };
}

/** A decimal amount (unit price); currency symbols and codes are ignored. Empty → null. */
export function parsePrice(raw: Cell, style: NumberStyle): Parsed {
  if (raw === null || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, message: "not a price" };
  if (style.decimal === "." && typeof raw === "string" && PLAIN_DEC.test(raw)) return { ok: true, value: Number(raw) };
  if (typeof raw !== "string") return { ok: false, message: `${display(raw)} is not a price` };
  const c = clean(raw, true);
  const v = c ? withStyle(c.body, style) : null;
  if (v === null || !c || !Number.isFinite(v)) return { ok: false, message: `${display(raw)} is not a price` };
  return { ok: true, value: c.negative ? -v : v };
}

/** True when a cell reads as a number in either convention (used to tell headers from data). */
export function looksNumeric(raw: Cell): boolean {
  if (typeof raw === "number") return true;
  if (typeof raw !== "string") return false;
  const c = clean(raw, true);
  return !!c && (withStyle(c.body, { decimal: "." }) !== null || withStyle(c.body, { decimal: "," }) !== null);
}
