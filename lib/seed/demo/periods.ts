/**
 * Self-contained period arithmetic for the demo generator ("YYYY-MM", UTC). Due dates follow the
 * demo settings: 23:59:59 UTC on the 10th of the following month.
 */

export const DUE_DAY = 10;
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parts(p: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (!m) throw new RangeError(`Not a period: ${p}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** month is 1-based and may overflow. */
function format(year: number, month: number): string {
  const index = year * 12 + month - 1;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function addMonths(p: string, n: number): string {
  const { year, month } = parts(p);
  return format(year, month + n);
}

/** The latest month that has fully ended before `today` (UTC): the month before today's month. */
export function latestEndedPeriod(today: Date): string {
  if (Number.isNaN(today.getTime())) throw new RangeError("buildDemoData: invalid today");
  return format(today.getUTCFullYear(), today.getUTCMonth());
}

/** `count` periods ending with `last`, oldest first. */
export function periodsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** Calendar month 1–12. */
export function monthOf(p: string): number {
  return parts(p).month;
}

export function monthName(p: string): string {
  return MONTH_NAMES[parts(p).month - 1]!;
}

export function daysInMonth(p: string): number {
  const { year, month } = parts(p);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first instant after the period (midnight UTC on the 1st of the next month). */
export function periodEndMs(p: string): number {
  const { year, month } = parts(p);
  return Date.UTC(year, month, 1);
}

/** The reporting deadline: 23:59:59 UTC on the 10th of the next month. */
export function dueMs(p: string): number {
  const { year, month } = parts(p);
  return Date.UTC(year, month, DUE_DAY, 23, 59, 59);
}

/** "YYYY-MM-DD" for day `day` of period `p`. */
export function dateIn(p: string, day: number): string {
  return `${p}-${pad(day)}`;
}

/** Weekday days-of-month (Mon–Fri) of period p. */
export function weekdays(p: string): number[] {
  const { year, month } = parts(p);
  const out: number[] = [];
  for (let d = 1; d <= daysInMonth(p); d++) {
    const dow = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(d);
  }
  return out;
}
