/**
 * Monthly periods as "YYYY-MM" strings, and the instants that bound them in the manufacturer's
 * time zone (IANA name, e.g. "America/Chicago"; default "UTC").
 */
import { TZDate } from "@date-fns/tz";

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_PREFIX = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:$|[T ])/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function isPeriod(s: unknown): s is string {
  return typeof s === "string" && PERIOD.test(s);
}

function parse(p: string): { year: number; month: number } {
  const m = typeof p === "string" ? PERIOD.exec(p) : null;
  if (!m) throw new RangeError(`Not a period (YYYY-MM): ${JSON.stringify(p)}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** month is 1-based; year/month may overflow and are normalised. */
function format(year: number, month: number): string {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  if (y < 0 || y > 9999) throw new RangeError(`Period out of range: year ${y}`);
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}`;
}

/** Throws RangeError unless `timeZone` is an IANA zone the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  }
}

/** "2026-10" → "2026-10-01" (the value stored in date columns). */
export function periodToDate(p: string): string {
  parse(p);
  return `${p}-01`;
}

/**
 * "2026-10-15" (or an ISO timestamp string starting with a date) → "2026-10". A Date is read by its
 * UTC calendar date, which is how date-only columns arrive as Date objects.
 */
export function dateToPeriod(d: string | Date): string {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new RangeError("dateToPeriod: invalid Date");
    return format(d.getUTCFullYear(), d.getUTCMonth() + 1);
  }
  const m = typeof d === "string" ? DATE_PREFIX.exec(d) : null;
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return `${m[1]}-${m[2]}`;
}

/** Moves a period by n months (n may be negative). */
export function addPeriods(p: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addPeriods: n must be an integer, got ${n}`);
  const { year, month } = parse(p);
  return format(year, month + n);
}

/** Every period from `from` to `to`, both included; empty when from > to. */
export function periodRange(from: string, to: string): string[] {
  const a = parse(from);
  const b = parse(to);
  const count = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(format(a.year, a.month + i));
  return out;
}

/** The first instant of the month after `p` in `timeZone`: the moment the period ends. */
export function periodEnd(p: string, timeZone = "UTC"): Date {
  assertTimeZone(timeZone);
  const { year, month } = parse(p);
  // TZDate months are 0-based, so `month` (1-based) is already the next month.
  return new Date(new TZDate(year, month, 1, 0, 0, 0, 0, timeZone).getTime());
}

/** The last month that has fully ended at `now` in `timeZone` (the month before now's local month). */
export function latestEndedPeriod(now: Date, timeZone = "UTC"): string {
  assertTimeZone(timeZone);
  if (Number.isNaN(now.getTime())) throw new RangeError("latestEndedPeriod: invalid Date");
  const local = new TZDate(now.getTime(), timeZone);
  // getMonth() is 0-based, so read as a 1-based month it is already the previous month.
  return format(local.getFullYear(), local.getMonth());
}

export type DueRule = { dueDay: number; timeZone: string };

/**
 * The deadline for `p`: 23:59:59.000 on day `dueDay` of the following month in `timeZone`.
 * A dueDay past the end of that month is clamped to its last day (31 → 30 Nov, 28/29 Feb).
 */
export function dueAt(p: string, rule: DueRule): Date {
  const { dueDay, timeZone } = rule;
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) throw new RangeError(`dueDay must be an integer 1–31, got ${dueDay}`);
  assertTimeZone(timeZone);
  const { year, month } = parse(p);
  // Next month is `month` as a 0-based index; day 0 of the month after that is its last day.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(dueDay, lastDay);
  return new Date(new TZDate(year, month, day, 23, 59, 59, 0, timeZone).getTime());
}

/** "2026-10" → "Oct 2026" (fixed English labels, independent of the runtime locale). */
export function formatPeriodLabel(p: string): string {
  const { year, month } = parse(p);
  return `${MONTHS[month - 1]} ${year}`;
}
