/**
 * `closePeriod(db, viewer, period, now?)` / `reopenPeriod(...)` — a channel manager or admin closes an
 * ended period (submissions are then refused with a 409 by the submit verb; changes go through
 * approved adjustments) or reopens it. Both audited. Closing a closed period, reopening an open one
 * or closing a period that has not ended is a 409.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { latestEndedPeriod, periodToDate } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";
import { periodSchema } from "@/lib/validation/common";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { getSettings } from "../settings/get-settings";
import { ensurePeriods } from "./ensure-periods";

export interface PeriodClosure {
  period: string;
  state: "open" | "closed";
  closedAt: string | null;
  closedBy: string | null;
}

function parsePeriod(value: unknown): string {
  const r = periodSchema.safeParse(value);
  if (!r.success) throw new AppError("validation_failed", `Not a period: ${JSON.stringify(value)}; use YYYY-MM`, [{ path: "period", message: "Use YYYY-MM" }]);
  return r.data;
}

export async function closePeriod(db: Queryable, viewer: Viewer, rawPeriod: unknown, now = new Date()): Promise<PeriodClosure> {
  requireRole(viewer, ["channel_manager"]);
  const period = parsePeriod(rawPeriod);
  const s = await getSettings(db);
  if (period > latestEndedPeriod(now, s.timeZone)) throw new AppError("conflict", `Period ${period} has not ended yet and cannot be closed`);
  await ensurePeriods(db, s, period, period);
  const [row] = await db
    .update(periods)
    .set({ closedAt: now, closedBy: viewer.userId })
    .where(and(eq(periods.period, periodToDate(period)), isNull(periods.closedAt)))
    .returning();
  if (!row) throw new AppError("conflict", `Period ${period} is already closed`);
  await recordAudit(db, viewer, "period.close", { subject: period });
  return { period, state: "closed", closedAt: row.closedAt!.toISOString(), closedBy: viewer.email };
}

export async function reopenPeriod(db: Queryable, viewer: Viewer, rawPeriod: unknown): Promise<PeriodClosure> {
  requireRole(viewer, ["channel_manager"]);
  const period = parsePeriod(rawPeriod);
  const [row] = await db
    .update(periods)
    .set({ closedAt: null, closedBy: null })
    .where(and(eq(periods.period, periodToDate(period)), isNotNull(periods.closedAt)))
    .returning();
  if (!row) throw new AppError("conflict", `Period ${period} is not closed`);
  await recordAudit(db, viewer, "period.reopen", { subject: period });
  return { period, state: "open", closedAt: null, closedBy: null };
}
