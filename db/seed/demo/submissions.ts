/**
 * Monthly POS / inventory submissions with realistic timestamps. On-time partners submit between
 * the 2nd and the 9th of the next month (Northwind on the 2nd–5th); the late partner 2–9 days
 * after the due date. Nothing is ever dated after `today`: a latest-period submission planned for
 * later is moved to between the period end (the due date, for the late partner) and today, or left
 * out when there is no room. A planted reporting error is a first revision with a typo followed by
 * a corrected second revision.
 */
import type { DistributorDef, Source } from "./cast";
import { dueMs, periodEndMs } from "./periods";
import { createRng } from "./prng";
import type { PlannedTypo, SkuHistory } from "./simulate";

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
): DemoSubmission[] {
  const n = periods.length;
  const out: DemoSubmission[] = [];
  periods.forEach((period, idx) => {
    if (def.story === "missing" && idx === n - 1) return;
    const at = clampToToday(def, period, plannedAt(def, period, n - idx), todayMs);
    if (at === null) return;
    const lines: DemoSubmissionLine[] = histories
      .filter((h) => h.start <= idx && !h.omitted[idx])
      .map((h) => {
        const line: DemoSubmissionLine = { sku: h.sku, sold: h.sold[idx]!, returned: h.returned[idx]!, onHand: h.onHand[idx]! };
        if (h.notes[idx]) line.note = h.notes[idx];
        return line;
      });
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
