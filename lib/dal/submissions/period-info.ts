/**
 * The reporting period a submission verb is about: its deadline, whether it has ended and whether
 * it is closed. Internal to lib/dal/submissions and lib/dal/drafts.
 *
 * - `parsePeriodParam(value)` → "YYYY-MM" or a 400 `validation_failed` on path `period`.
 * - `loadPeriodInfo(db, period, now)` → `PeriodInfo` (no writes); 404 for a period too old to be tracked.
 * - `assertReportable(info)` → throws 409 for a period that has not ended or is closed.
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { addPeriods, dueAt as computeDueAt, formatPeriodLabel, latestEndedPeriod, periodEnd, periodToDate } from "@/lib/domain/periods";
import { periodSchema } from "@/lib/validation/common";
import { getSettings, type Settings } from "../settings/get-settings";

/** Without a row in `periods`, a period is known when it is at most this many months old. */
export const UNTRACKED_HISTORY_MONTHS = 24;

export type PeriodState = "open" | "closed" | "future";

export interface PeriodInfo {
  period: string;
  /** "YYYY-MM-01", as stored in date columns. */
  periodDate: string;
  dueAt: Date;
  state: PeriodState;
  closed: boolean;
  /** Whether the `periods` row exists (its deadline is then fixed). */
  hasRow: boolean;
  /** The latest period that has ended at `now`. */
  latestEnded: string;
  settings: Settings;
}

export function parsePeriodParam(value: unknown): string {
  const r = periodSchema.safeParse(value);
  if (!r.success) {
    throw new AppError("validation_failed", `Not a period: ${JSON.stringify(value)}; use YYYY-MM`, [
      { path: "period", message: r.error.issues[0]?.message ?? "Use a period in the form YYYY-MM" },
    ]);
  }
  return r.data;
}

export async function loadPeriodInfo(db: Queryable, period: string, now: Date = new Date()): Promise<PeriodInfo> {
  const settings = await getSettings(db);
  const latestEnded = latestEndedPeriod(now, settings.timeZone);
  const periodDate = periodToDate(period);
  const [row] = await db.select().from(periods).where(eq(periods.period, periodDate)).limit(1);
  if (!row && period < addPeriods(latestEnded, -(UNTRACKED_HISTORY_MONTHS - 1))) {
    throw notFound(`No reporting period ${period}`);
  }
  const state: PeriodState = period > latestEnded ? "future" : row?.closedAt ? "closed" : "open";
  return {
    period,
    periodDate,
    dueAt: row?.dueAt ?? computeDueAt(period, { dueDay: settings.dueDay, timeZone: settings.timeZone }),
    state,
    closed: Boolean(row?.closedAt),
    hasRow: Boolean(row),
    latestEnded,
    settings,
  };
}

/** 409 unless the period has ended and is not closed. */
export function assertReportable(info: PeriodInfo): void {
  if (info.state === "future") {
    const opens = periodEnd(info.period, info.settings.timeZone).toISOString().slice(0, 10);
    throw new AppError(
      "conflict",
      `Period ${info.period} has not ended yet; ${formatPeriodLabel(info.period)} can be reported from ${opens}`,
    );
  }
  if (info.closed) {
    throw new AppError("conflict", `Period ${info.period} is closed; ask your channel manager for an adjustment`);
  }
}
