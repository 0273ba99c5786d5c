/**
 * Monthly POS / inventory submissions with realistic timestamps. On-time partners submit between
 * the 2nd and the 9th of the next month (Northwind on the 2nd–5th); the late partner 2–9 days
 * after the due date. Nothing is ever dated after `today`: a latest-period submission planned for
 * later is moved to between the period end (the due date, for the late partner) and today, or left
 * out when there is no room. The missing partner skips the latest period and one seven months back
 * (MISSING_PARTNER_SKIPS_BACK). A planted reporting error is a first revision with a typo followed by
 * a corrected second revision.
 */
import type { DistributorDef, Source } from "./cast";
import { dueMs, monthName, periodEndMs } from "./periods";
import { createRng } from "./prng";
import type { PlannedTypo, SkuHistory } from "./simulate";
import { addLatestMonthNoise, type DemoNoise } from "./noise";

export interface DemoSubmissionLine {
  sku: string;
  sold: number;
  returned: number;
  onHand: number;
  note?: string;
}

export interface DemoSubmission {
  distributorCode: string;
  period: string;
  submittedAt: string;
  submittedBy: string;
  source: Source;
  lines: DemoSubmissionLine[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Periods (counted back from the latest, 1 = latest) the missing partner never reported: the latest,
 * and one seven months back — past due on any day of the month, and outside the demo's two rebate
 * quarters (lib/seed/seed-rebates.ts), so the board shows a missing period whatever the date.
 */
export const MISSING_PARTNER_SKIPS_BACK = [1, 7];

/** Periods (counted back from the latest, 1 = latest) in which the late partner was on time. */
export const LATE_PARTNER_ON_TIME_BACK = [16, 13];

function plannedAt(def: DistributorDef, period: string, back: number): number {
  const rng = createRng(`${def.code}|${period}|time`);
  const jitter = rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
  if (def.story === "late" && !LATE_PARTNER_ON_TIME_BACK.includes(back)) {
    const daysLate = rng.int(2, 9);
    return dueMs(period) + (daysLate - 1) * DAY + rng.int(1, 22) * HOUR + jitter;
  }
  const day = def.story === "accurate" ? rng.int(2, 5) : rng.int(2, 9);
  return periodEndMs(period) + (day - 1) * DAY + rng.int(7, 18) * HOUR + jitter;
}

/** Keeps a submission time at or before today; null when it cannot have happened yet. */
function clampToToday(def: DistributorDef, period: string, planned: number, todayMs: number): number | null {
  if (planned <= todayMs) return planned;
  const late = def.story === "late";
  const lower = late ? dueMs(period) + HOUR : periodEndMs(period) + 6 * HOUR;
  const upper = todayMs - 30 * MINUTE;
  if (upper <= lower) return null;
  return lower + Math.floor((upper - lower) / 2 / MINUTE) * MINUTE;
}

export function buildSubmissions(
  def: DistributorDef,
  periods: string[],
  histories: SkuHistory[],
  typos: PlannedTypo[],
  todayMs: number,
  noise: DemoNoise[] = [],
): DemoSubmission[] {
  const n = periods.length;
  const out: DemoSubmission[] = [];
  const skipped = (idx: number) => def.story === "missing" && MISSING_PARTNER_SKIPS_BACK.includes(n - idx);
  periods.forEach((period, idx) => {
    if (skipped(idx)) return;
    const at = clampToToday(def, period, plannedAt(def, period, n - idx), todayMs);
    if (at === null) return;
    // After a month it never reported, the partner's next report carries that month's sales too.
    const carried = idx > 0 && skipped(idx - 1) ? idx - 1 : null;
    const lines: DemoSubmissionLine[] = histories
      .filter((h) => h.start <= idx && !h.omitted[idx])
      .map((h) => {
        const line: DemoSubmissionLine = { sku: h.sku, sold: h.sold[idx]!, returned: h.returned[idx]!, onHand: h.onHand[idx]! };
        const notes = h.notes[idx] ? [h.notes[idx]] : [];
        if (carried !== null && h.start <= carried && h.sold[carried]! + h.returned[carried]! > 0) {
          line.sold += h.sold[carried]!;
          line.returned += h.returned[carried]!;
          notes.push(`Includes ${monthName(periods[carried]!)} ${periods[carried]!.slice(0, 4)}: that month was not reported separately`);
        }
        if (notes.length) line.note = notes.join("; ");
        return line;
      });
    if (def.story === "burning" && idx === n - 1) noise.push(...addLatestMonthNoise(def.code, period, idx, lines, histories));
    const base = { distributorCode: def.code, period, submittedBy: def.user.email };
    const wrong = typos.filter((t) => t.idx === idx);
    const fixAt = at + createRng(`${def.code}|${period}|fix`).int(3, 30) * HOUR;
    if (wrong.length > 0 && fixAt <= todayMs) {
      const typoLines = lines.map((l) => {
        const w = wrong.find((t) => t.sku === l.sku);
        return w ? { ...l, onHand: w.wrongOnHand } : l;
      });
      const fixedLines = lines.map((l) => {
        const w = wrong.find((t) => t.sku === l.sku);
        if (!w) return l;
        const text = `Corrected on-hand: first submission said ${w.wrongOnHand} (keying error), count is ${l.onHand}`;
        return { ...l, note: l.note ? `${l.note}; ${text}` : text };
      });
      out.push({ ...base, submittedAt: new Date(at).toISOString(), source: def.source, lines: typoLines });
      out.push({ ...base, submittedAt: new Date(fixAt).toISOString(), source: "portal", lines: fixedLines });
    } else {
      out.push({ ...base, submittedAt: new Date(at).toISOString(), source: def.source, lines });
    }
  });
  return out;
}
