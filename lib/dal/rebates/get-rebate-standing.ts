/**
 * A distributor's rebate standing.
 * - `getRebateStanding(db, viewer, now?)` → one line for the submission screen's header, e.g.
 *   "Reporting rebate Q4 2026: 1 of 1 period on time, error 0.4 % (limit 2 %) — on track (est. 1,292.66)",
 *   or null (staff, or no programme covers the current quarter).
 * - `listStanding(db, viewer, now?)` → the distributor's row in each running or recent programme
 *   (newest first), for /standing.
 * Distributors only: the row is always the viewer's own distributor.
 */
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { addPeriods, latestEndedPeriod } from "@/lib/domain/periods";
import { standingLine } from "@/lib/domain/rebates";
import { createFormatter, type Formatter } from "@/lib/format/formatter";
import { forbidden } from "@/lib/errors";
import { getSettings } from "../settings/get-settings";
import { computeEligibility, type EligibilityRow } from "./get-eligibility";
import { loadActivePrograms, type RebateProgram } from "./programs";

export interface StandingEntry {
  program: RebateProgram;
  row: EligibilityRow | null;
  line: string;
}

/** The line in the reader's locale (lib/format), money in the programme's currency; en-US without a formatter. */
function lineFor(program: RebateProgram, row: EligibilityRow | null, f: Formatter = createFormatter(null)): string {
  const money = (amount: string) => f.money(amount, program.currency);
  if (!row) return `${program.name}: no activity in this programme yet`;
  const e = row.live.evaluation;
  const figures = row.frozen ? `${row.duePeriods ? `${row.onTime} of ${row.duePeriods} periods on time` : ""}` : standingLine(e);
  if (row.frozen) return `${program.name}: frozen for payout — ${row.eligible ? `earned ${money(row.amount)}` : `not eligible: ${row.reasons[0] ?? ""}`}${figures ? ` (${figures})` : ""}`;
  if (!e.eligible) return `${program.name}: ${figures} — not eligible: ${e.reasons[0]}`;
  return `${program.name}: ${figures} — ${e.complete ? `eligible (${money(e.amount)})` : `on track (est. ${money(e.amount)} so far)`}`;
}

async function programsFor(db: Queryable, now: Date): Promise<{ current: string; programs: RebateProgram[] }> {
  const s = await getSettings(db);
  const latest = latestEndedPeriod(now, s.timeZone);
  const current = addPeriods(latest, 1);
  const programs = (await loadActivePrograms(db)).filter((p) => p.fromPeriod <= current && p.toPeriod >= addPeriods(latest, -6));
  return { current, programs };
}

export async function listStanding(db: Queryable, viewer: Viewer, now = new Date(), f?: Formatter): Promise<StandingEntry[]> {
  if (viewer.role !== "distributor" || viewer.distributorId == null) throw forbidden();
  const { programs } = await programsFor(db, now);
  const out: StandingEntry[] = [];
  for (const program of programs) {
    const e = await computeEligibility(db, program, now, { distributorId: viewer.distributorId });
    const row = e.rows[0] ?? null;
    out.push({ program, row, line: lineFor(program, row, f) });
  }
  return out;
}

export async function getRebateStanding(db: Queryable, viewer: Viewer, now = new Date(), f?: Formatter): Promise<string | null> {
  if (viewer.role !== "distributor" || viewer.distributorId == null) return null;
  const { current, programs } = await programsFor(db, now);
  const latest = addPeriods(current, -1);
  const program =
    programs.find((p) => p.fromPeriod <= current && current <= p.toPeriod) ?? programs.find((p) => p.fromPeriod <= latest && latest <= p.toPeriod);
  if (!program) return null;
  const e = await computeEligibility(db, program, now, { distributorId: viewer.distributorId });
  return lineFor(program, e.rows[0] ?? null, f);
}
