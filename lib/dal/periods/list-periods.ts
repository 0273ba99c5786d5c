import { desc } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { dateToPeriod, dueAt, latestEndedPeriod, addPeriods, periodRange } from "@/lib/domain/periods";
import { getSettings } from "../settings/get-settings";
import { earliestPeriod } from "./ensure-periods";

export type PeriodState = "open" | "closed" | "future";
export interface PeriodRow {
  period: string;
  dueAt: string;
  state: PeriodState;
}

/**
 * All periods up to the current (not yet ended) month, newest first. Everyone signed in may read them.
 * Writes nothing: a month without its row yet (the scheduled job and the first submission store it)
 * is listed with the deadline today's settings give it, as that row will have.
 */
export async function listPeriods(db: Queryable, _viewer: Viewer, now = new Date()): Promise<PeriodRow[]> {
  const s = await getSettings(db);
  const current = addPeriods(latestEndedPeriod(now, s.timeZone), 1);
  const from = await earliestPeriod(db, current);
  const rows = await db.select().from(periods).orderBy(desc(periods.period));
  const stored = new Map(rows.map((r) => [dateToPeriod(r.period), r]));
  const all = [...new Set([...stored.keys(), ...periodRange(from, current)])].sort().reverse();
  return all.map((period) => {
    const r = stored.get(period);
    const state: PeriodState = period > addPeriods(current, -1) ? "future" : r?.closedAt ? "closed" : "open";
    return { period, dueAt: (r?.dueAt ?? dueAt(period, { dueDay: s.dueDay, timeZone: s.timeZone })).toISOString(), state };
  });
}
