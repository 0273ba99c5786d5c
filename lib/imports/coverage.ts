/**
 * Which days of the period a file covers: the period the file declares (X12 852 XQ, 867 DTM), else
 * the first and last dates of its accepted lines. A file covering part of the month says so
 * ("covers 23–29 Nov, 7 of 30 days") so that nobody takes a week for the month.
 */
import type { UploadResult } from "./types";

/** The contract's names: `{ from, to, days, periodDays }` (plus where the dates came from and whether it is part of the month). */
export interface Coverage {
  from: string;
  to: string;
  /** Days from `from` to `to`, both included. */
  days: number;
  periodDays: number;
  /** "file": the period the file declares; "lines": its accepted lines' dates. */
  source: "file" | "lines";
  partial: boolean;
}

const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Lines dated over fewer days than this short of the month: no warning (a month without sales on its first days is normal). */
const LINES_SLACK = 3;

const toTime = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const valid = (iso: string | undefined): iso is string => !!iso && /^\d{4}-\d{2}-\d{2}$/.test(iso);

export function periodBounds(period: string): { start: string; end: string; days: number } {
  const y = +period.slice(0, 4);
  const m = +period.slice(5, 7);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(days).padStart(2, "0")}`, days };
}

export function coverageOf(
  period: string,
  filePeriod: UploadResult["filePeriod"],
  dateRange: { first: string; last: string } | undefined,
): Coverage | undefined {
  const p = periodBounds(period);
  let source: Coverage["source"];
  let start: string;
  let end: string;
  if (filePeriod && (valid(filePeriod.start) || valid(filePeriod.end))) {
    source = "file";
    start = valid(filePeriod.start) ? filePeriod.start : p.start;
    end = valid(filePeriod.end) ? filePeriod.end : p.end;
  } else if (dateRange) {
    source = "lines";
    ({ first: start, last: end } = dateRange);
  } else return undefined;
  // Clipped to the period (a file's days outside it are not this period's).
  if (start < p.start) start = p.start;
  if (end > p.end) end = p.end;
  if (end < start) return undefined;
  const days = Math.round((toTime(end) - toTime(start)) / DAY) + 1;
  const partial = source === "file" ? days < p.days : days <= p.days - LINES_SLACK;
  return { from: start, to: end, days, periodDays: p.days, source, partial };
}

/** "23–29 Nov" or "28 Nov – 3 Dec". */
export function dayRange(start: string, end: string): string {
  const d = (iso: string) => String(+iso.slice(8, 10));
  const mon = (iso: string) => MONTHS[+iso.slice(5, 7) - 1];
  if (start === end) return `${d(start)} ${mon(start)}`;
  if (start.slice(0, 7) === end.slice(0, 7)) return `${d(start)}–${d(end)} ${mon(end)}`;
  return `${d(start)} ${mon(start)} – ${d(end)} ${mon(end)}`;
}

/** The answer's sentence for a partial file. */
export function coverageMessage(c: Coverage): string {
  const what = c.source === "file" ? "The file covers" : "The file's lines are dated";
  return `${what} ${dayRange(c.from, c.to)} only, ${c.days} of ${c.periodDays} days of the period: its figures are for those days, not the whole month`;
}
