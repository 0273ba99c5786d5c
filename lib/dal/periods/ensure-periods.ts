import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods } from "@/db/schema";
import { addPeriods, dueAt, periodRange, periodToDate } from "@/lib/domain/periods";
import type { Settings } from "../settings/get-settings";

/**
 * Makes sure a period row (with its deadline fixed from today's settings) exists for every month
 * from `from` to `to` ("YYYY-MM"). Existing rows keep their deadline.
 */
export async function ensurePeriods(db: Queryable, s: Pick<Settings, "dueDay" | "timeZone">, from: string, to: string) {
  const list = periodRange(from, to);
  if (list.length === 0) return;
  await db
    .insert(periods)
    .values(list.map((p) => ({ period: periodToDate(p), dueAt: dueAt(p, { dueDay: s.dueDay, timeZone: s.timeZone }) })))
    .onConflictDoNothing({ target: periods.period });
}

/** The earliest period that has a row, or `fallback` months before `to`. */
export async function earliestPeriod(db: Queryable, to: string, fallback = 17): Promise<string> {
  const [row] = await db.select({ p: sql<string | null>`to_char(min(${periods.period}), 'YYYY-MM')` }).from(periods);
  return row?.p ?? addPeriods(to, -fallback);
}
