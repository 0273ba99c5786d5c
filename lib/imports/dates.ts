/**
 * Dates as distributors write them: ISO (2026-10-03), US (10/03/2026), European (03.10.2026,
 * 03/10/2026), compact (20261003), month names (03-Oct-2026, Oct 3, 2026), Excel serials (46298,
 * 1900 date system including Excel's phantom 1900-02-29) and real dates from spreadsheets.
 * Day/month order is inferred from all values of a column and can be overridden.
 */
import type { Cell, DateOrder } from "./types";

export type DateParse = { ok: true; value: string | null } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, mär: 3, mrz: 3, apr: 4, may: 5, mai: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12, dez: 12,
};

/** The 1900 date system: serial 1 = 1900-01-01, 60 = the non-existent 1900-02-29, 61 = 1900-03-01. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial + 1e-9);
  if (whole === 60) return null;
  const days = whole < 60 ? whole : whole - 1;
  return new Date(Date.UTC(1899, 11, 31) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Spreadsheet dates arrive as UTC midnights; rounding to the second absorbs float noise. */
export function dateObjectToIso(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  return new Date(Math.round(t / 1000) * 1000).toISOString().slice(0, 10);
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

const year = (s: string) => (s.length === 2 ? 2000 + Number(s) : Number(s));
const month = (s: string) => MONTHS[s.toLowerCase().slice(0, 3)] ?? MONTHS[s.toLowerCase().slice(0, 4)];

/** Parts of a date string: an unambiguous ISO date, or day/month candidates (a, b) in written order. */
type Shape =
  | { t: "iso"; value: string | null }
  | { t: "pair"; a: number; b: number; y: number; dotted: boolean }
  | { t: "serial"; value: string | null }
  | { t: "none" };

function shape(raw: string): Shape {
  let s = raw.trim();
  const time = /^(.+?)[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?\s*(?:z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (time) s = time[1].trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return { t: "iso", value: iso(+m[1], +m[2], +m[3]) };
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return { t: "iso", value: iso(+m[1], +m[2], +m[3]) };
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (m) return { t: "pair", a: +m[1], b: +m[3], y: year(m[4]), dotted: m[2] === "." };
  m = /^(\d{1,2})\.?[-\s.]*([a-zäA-ZÄ]{3,9})\.?[-\s.,]*(\d{4}|\d{2})$/.exec(s);
  if (m && month(m[2])) return { t: "iso", value: iso(year(m[3]), month(m[2]), +m[1]) };
  m = /^([a-zA-Z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && month(m[1])) return { t: "iso", value: iso(+m[3], month(m[1]), +m[2]) };
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m && +m[1] >= 10_000 && +m[1] <= 99_999) return { t: "serial", value: excelSerialToIso(Number(s)) };
  return { t: "none" };
}

export interface DateOrderInference {
  /** null when no value needs an order, or when every such value is ambiguous. */
  order: DateOrder | null;
  /** Values like 03/04/2026 exist and nothing in the column decides between DMY and MDY. */
  ambiguous: boolean;
  /** Some values only fit DMY and others only MDY (the majority wins; the others fail). */
  conflict: boolean;
  /** Every value fits both orders; the order was chosen because only it puts them in the period. */
  byPeriod?: boolean;
  /** An ambiguous value as written (for the message). */
  example?: string;
}

/** Accumulates evidence for the day/month order of a column, value by value (streaming-friendly). */
export class DateOrderEvidence {
  dmy = 0;
  mdy = 0;
  ambiguous = 0;
  dotted = 0;
  /** Ambiguous values that fall in the period when read day-first / month-first. */
  fitDmy = 0;
  fitMdy = 0;
  example?: string;
  private readonly year: number;
  private readonly month: number;
  /** `period` ("YYYY-MM"): values that fit both orders count for the one that puts them in it. */
  constructor(period?: string) {
    this.year = period ? Number(period.slice(0, 4)) : 0;
    this.month = period ? Number(period.slice(5, 7)) : 0;
  }
  add(raw: Cell): void {
    if (typeof raw !== "string") return;
    const sh = shape(raw);
    if (sh.t !== "pair") return;
    if (sh.a > 12 && sh.b <= 12) this.dmy++;
    else if (sh.b > 12 && sh.a <= 12) this.mdy++;
    else if (sh.a !== sh.b) {
      this.ambiguous++;
      this.example ??= raw.trim();
      if (sh.dotted) this.dotted++;
      if (sh.y === this.year) {
        if (sh.b === this.month) this.fitDmy++;
        if (sh.a === this.month) this.fitMdy++;
      }
    }
  }
  /** Adds the evidence another reader of the same file gathered. */
  merge(o: { dmy: number; mdy: number; ambiguous: number; dotted: number; fitDmy?: number; fitMdy?: number }): void {
    this.dmy += o.dmy;
    this.mdy += o.mdy;
    this.ambiguous += o.ambiguous;
    this.dotted += o.dotted;
    this.fitDmy += o.fitDmy ?? 0;
    this.fitMdy += o.fitMdy ?? 0;
  }
  /**
   * The order the values show. `byPeriod`: when they show none, the order that alone puts them in
   * the period (used once the whole column is seen, never to stop gathering evidence early).
   */
  result(byPeriod = false): DateOrderInference {
    if (this.dmy || this.mdy) {
      return { order: this.dmy >= this.mdy ? "DMY" : "MDY", ambiguous: false, conflict: this.dmy > 0 && this.mdy > 0 };
    }
    // Dotted dates (03.10.2026) are written day-first wherever that separator is used.
    if (this.ambiguous > 0 && this.dotted === this.ambiguous) return { order: "DMY", ambiguous: false, conflict: false };
    // 03/11/2026 in a November file: only day-first puts it in the period (90 % of the values, none the other way).
    const fits = (n: number, other: number) => byPeriod && other === 0 && n > 0 && n * 10 >= this.ambiguous * 9;
    if (fits(this.fitDmy, this.fitMdy)) return { order: "DMY", ambiguous: false, conflict: false, byPeriod: true, example: this.example };
    if (fits(this.fitMdy, this.fitDmy)) return { order: "MDY", ambiguous: false, conflict: false, byPeriod: true, example: this.example };
    return { order: null, ambiguous: this.ambiguous > 0, conflict: false };
  }
}

export function inferDateOrder(values: readonly Cell[], period?: string): DateOrderInference {
  const ev = new DateOrderEvidence(period);
  for (const v of values) ev.add(v);
  return ev.result(period !== undefined);
}

/** Parses one date cell to YYYY-MM-DD. Empty → `{ ok: true, value: null }`. */
export function parseDate(raw: Cell, order: DateOrder): DateParse {
  if (raw === null || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  const bad = (why = "is not a date") => ({ ok: false as const, message: `${typeof raw === "string" ? `"${raw.trim()}"` : String(raw)} ${why}` });
  if (raw instanceof Date) {
    const v = dateObjectToIso(raw);
    return v ? { ok: true, value: v } : bad();
  }
  if (typeof raw === "number") {
    const v = excelSerialToIso(raw);
    return v ? { ok: true, value: v } : bad("is not an Excel date serial");
  }
  if (typeof raw !== "string") return bad();
  const sh = shape(raw);
  if (sh.t === "none") return bad();
  if (sh.t === "iso" || sh.t === "serial") return sh.value ? { ok: true, value: sh.value } : bad("is not a valid calendar date");
  const [d, m] = order === "DMY" ? [sh.a, sh.b] : [sh.b, sh.a];
  if (m > 12) return bad(`does not fit this column's ${order === "DMY" ? "day/month" : "month/day"} order`);
  const v = iso(sh.y, m, d);
  return v ? { ok: true, value: v } : bad("is not a valid calendar date");
}

/** True when a cell reads as a date (used to tell header rows from data rows). */
export function looksLikeDate(raw: Cell): boolean {
  if (raw instanceof Date) return true;
  if (typeof raw !== "string") return false;
  const sh = shape(raw);
  return sh.t === "pair" || (sh.t === "iso" && sh.value !== null);
}
