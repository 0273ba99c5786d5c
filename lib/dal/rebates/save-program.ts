/**
 * `createProgram(db, viewer, input)` / `updateProgram(db, viewer, id, input)` — rebate analysts and
 * admins; input parsed with the shared `rebateProgramSchema`. Frozen results are never touched:
 * editing rules after a freeze only flags those results "changed since frozen". Audited.
 */
import { and, eq, sql } from "drizzle-orm";
import { StaleVersion } from "@/lib/errors";
import type { Queryable } from "@/db/open";
import { rebatePrograms } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { rebateProgramSchema, type RebateProgramInput } from "@/lib/validation/rebates";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { loadProgram, toProgram, type RebateProgram } from "./programs";

function columns(p: RebateProgramInput) {
  return {
    name: p.name,
    fromPeriod: periodToDate(p.fromPeriod),
    toPeriod: periodToDate(p.toPeriod),
    graceDays: p.graceDays,
    lateAllowed: p.lateAllowed,
    minCompletenessPct: p.minCompletenessPct.toFixed(2),
    maxAccuracyPct: p.maxAccuracyPct.toFixed(2),
    ratePct: p.ratePct.toFixed(2),
    minQualityScore: p.minQualityScore ?? null,
    // Left out = the column's default (USD) on create, unchanged on an edit.
    ...(p.currency ? { currency: p.currency } : {}),
  };
}

export async function createProgram(db: Queryable, viewer: Viewer, raw: unknown): Promise<RebateProgram> {
  requireRole(viewer, ["rebate_analyst"]);
  const input = rebateProgramSchema.parse(raw);
  const [row] = await db.insert(rebatePrograms).values({ ...columns(input), createdBy: viewer.userId }).returning();
  await recordAudit(db, viewer, "rebate.program.create", { subject: row!.id, data: input });
  return toProgram(row!);
}

/**
 * With `expectedVersion` (If-Match, or the version the edit form showed) an edit made since is not
 * overwritten: 412 `StaleVersion`, nothing saved. The check and the write are one statement.
 */
export async function updateProgram(db: Queryable, viewer: Viewer, id: string, raw: unknown, expectedVersion?: number): Promise<RebateProgram> {
  requireRole(viewer, ["rebate_analyst"]);
  const input = rebateProgramSchema.parse(raw);
  const before = await loadProgram(db, id);
  const where = expectedVersion === undefined ? eq(rebatePrograms.id, id) : and(eq(rebatePrograms.id, id), eq(rebatePrograms.version, expectedVersion));
  const [row] = await db.update(rebatePrograms).set({ ...columns(input), version: sql`${rebatePrograms.version} + 1` }).where(where).returning();
  if (!row) throw new StaleVersion("This programme", (await loadProgram(db, id)).version);
  await recordAudit(db, viewer, "rebate.program.update", { subject: id, data: { before, after: input } });
  return toProgram(row!);
}
