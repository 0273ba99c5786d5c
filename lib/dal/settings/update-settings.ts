/**
 * `updateSettings(db, viewer, input, now?)` — the admin changes the due day, time zone, grace days,
 * reminder lead time, whether X12 files naming another distributor as sender are refused, and the
 * submission check's limits (mismatch units and %, outlier factor and minimum units). Deadlines of periods that have not ended yet follow the new rule; periods that
 * have ended keep the deadline they were published with. Audited with the before and after values.
 * With `expectedVersion` (the version the form showed) a save made since is not overwritten (412).
 */
import { gt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods, settings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { dateToPeriod, dueAt, latestEndedPeriod, periodToDate } from "@/lib/domain/periods";
import { StaleVersion } from "@/lib/errors";
import { settingsSchema, type SettingsInput } from "@/lib/validation/settings";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { getSettings, type Settings } from "./get-settings";

export async function updateSettings(db: Queryable, viewer: Viewer, raw: unknown, now = new Date(), expectedVersion?: number): Promise<Settings> {
  requireRole(viewer, ["admin"]);
  const input: SettingsInput = settingsSchema.parse(raw);
  const before = await getSettings(db);
  const [after] = await db
    .update(settings)
    .set({
      dueDay: input.dueDay, timeZone: input.timeZone, graceDays: input.graceDays, reminderDaysBefore: input.reminderDaysBefore,
      ...(input.refuseOtherSender !== undefined ? { refuseOtherSender: input.refuseOtherSender } : {}),
      ...(input.gapUnitsThreshold !== undefined ? { gapUnitsThreshold: input.gapUnitsThreshold } : {}),
      ...(input.gapPctThreshold !== undefined ? { gapPctThreshold: input.gapPctThreshold } : {}),
      ...(input.outlierFactor !== undefined ? { outlierFactor: input.outlierFactor } : {}),
      ...(input.outlierMinUnits !== undefined ? { outlierMinUnits: input.outlierMinUnits } : {}),
      updatedAt: sql`now()`, version: sql`${settings.version} + 1`,
    })
    .where(expectedVersion === undefined ? sql`${settings.id} = 1` : sql`${settings.id} = 1 and ${settings.version} = ${expectedVersion}`)
    .returning();
  if (!after) throw new StaleVersion("The settings", (await getSettings(db)).version);
  // Periods that have not ended (in the new time zone) take the new deadline.
  const latest = latestEndedPeriod(now, input.timeZone);
  const future = await db.select({ period: periods.period }).from(periods).where(gt(periods.period, periodToDate(latest)));
  for (const f of future) {
    const p = dateToPeriod(f.period);
    await db.execute(sql`update periods set due_at = ${dueAt(p, { dueDay: input.dueDay, timeZone: input.timeZone }).toISOString()}::timestamptz where period = ${f.period}::date`);
  }
  await recordAudit(db, viewer, "settings.update", {
    data: {
      before: {
        dueDay: before.dueDay, timeZone: before.timeZone, graceDays: before.graceDays, reminderDaysBefore: before.reminderDaysBefore, refuseOtherSender: before.refuseOtherSender,
        gapUnitsThreshold: before.gapUnitsThreshold, gapPctThreshold: before.gapPctThreshold, outlierFactor: before.outlierFactor, outlierMinUnits: before.outlierMinUnits,
      },
      after: input,
    },
  });
  return after!;
}
