/**
 * `remindSelected(db, viewer, input, now?)` — "remind selected" on the compliance board: one manual
 * reminder per selected distributor for a period (default: the latest period that has ended),
 * keyed `reminder:manual:<code>:<period>:<requestId>`. The board renders a fresh request id, so a
 * double click (or a retried request) queues one message; clicking again later queues another.
 * Channel managers and admins only; audited.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { distributors, periods, submissions } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { latestEndedPeriod, periodToDate, dueAt as computeDueAt } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";
import { remindSchema } from "@/lib/validation/compliance";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { getSettings } from "../settings/get-settings";
import { queueReminders, type QueueResult } from "./queue-reminders";

export async function remindSelected(db: Queryable, viewer: Viewer, raw: unknown, now = new Date()): Promise<QueueResult & { period: string }> {
  requireRole(viewer, ["channel_manager"]);
  const input = remindSchema.parse(raw);
  const s = await getSettings(db);
  const latest = latestEndedPeriod(now, s.timeZone);
  const period = input.period ?? latest;
  if (period > latest) throw new AppError("conflict", `Period ${period} has not ended yet; nothing to remind about`);
  const codes = [...new Set(input.distributors)];
  const found = await db
    .select({ id: distributors.id, code: distributors.code, name: distributors.name })
    .from(distributors)
    .where(and(inArray(distributors.code, codes), eq(distributors.active, true)));
  const unknown = codes.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length) throw new AppError("validation_failed", `Unknown distributor ${unknown.join(", ")}`, [{ path: "distributors", message: `Unknown: ${unknown.join(", ")}` }]);
  const [p] = await db.select().from(periods).where(eq(periods.period, periodToDate(period))).limit(1);
  const due = p?.dueAt ?? computeDueAt(period, s);
  const subs = await db
    .select({ distributorId: submissions.distributorId })
    .from(submissions)
    .where(and(eq(submissions.period, periodToDate(period)), inArray(submissions.distributorId, found.map((f) => f.id))));
  const submitted = new Set(subs.map((x) => x.distributorId));
  const result = await queueReminders(
    db,
    found.map((d) => ({ distributorId: d.id, code: d.code, name: d.name, period, dueAt: due, kind: "manual" as const, requestId: input.requestId, submitted: submitted.has(d.id) })),
    { manufacturer: s.manufacturerName, timeZone: s.timeZone, now },
  );
  for (const q of result.queued) {
    const d = found.find((f) => f.code === q.code)!;
    await recordAudit(db, viewer, "reminder.manual", { distributorId: d.id, subject: q.key, data: { period } });
  }
  return { ...result, period };
}
