/**
 * `createProgram(db, viewer, input)` / `updateProgram(db, viewer, id, input)` — rebate analysts and
 * admins; input parsed with the shared `rebateProgramSchema`. Frozen results are never touched:
 * editing rules after a freeze only flags those results "changed since frozen". Audited.
 */
import { eq } from "drizzle-orm";
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
  };
}

export async function createProgram(db: Queryable, viewer: Viewer, raw: unknown): Promise<RebateProgram> {
  requireRole(viewer, ["rebate_analyst"]);
  const input = rebateProgramSchema.parse(raw);
  const [row] = await db.insert(rebatePrograms).values({ ...columns(input), createdBy: viewer.userId }).returning();
  await recordAudit(db, viewer, "rebate.program.create", { subject: row!.id, data: input });
  return toProgram(row!);
}

export async function updateProgram(db: Queryable, viewer: Viewer, id: string, raw: unknown): Promise<RebateProgram> {
  requireRole(viewer, ["rebate_analyst"]);
  const input = rebateProgramSchema.parse(raw);
  const before = await loadProgram(db, id);
  const [row] = await db.update(rebatePrograms).set(columns(input)).where(eq(rebatePrograms.id, id)).returning();
  await recordAudit(db, viewer, "rebate.program.update", { subject: id, data: { before, after: input } });
  return toProgram(row!);
}
