import { desc } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { dateToPeriod, latestEndedPeriod, addPeriods } from "@/lib/domain/periods";
import { getSettings } from "../settings/get-settings";
import { earliestPeriod, ensurePeriods } from "./ensure-periods";

export type PeriodState = "open" | "closed" | "future";
export interface PeriodRow {
  period: string;
  dueAt: string;
  state: PeriodState;
}

/** All periods up to the current (not yet ended) month, newest first. Everyone signed in may read them. */
export async function listPeriods(db: Queryable, _viewer: Viewer, now = new Date()): Promise<PeriodRow[]> {
  const s = await getSettings(db);
  const current = addPeriods(latestEndedPeriod(now, s.timeZone), 1);
  await ensurePeriods(db, s, await earliestPeriod(db, current), current);
  const rows = await db.select().from(periods).orderBy(desc(periods.period));
  return rows.map((r) => {
    const period = dateToPeriod(r.period);
    const state: PeriodState = period > addPeriods(current, -1) ? "future" : r.closedAt ? "closed" : "open";
    return { period, dueAt: r.dueAt.toISOString(), state };
  });
}
