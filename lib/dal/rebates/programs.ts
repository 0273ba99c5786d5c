/** Reading rebate programmes: `listPrograms` (staff), `getProgram` (staff), `loadProgram` (internal, no viewer check). */
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { rebatePrograms } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { dateToPeriod } from "@/lib/domain/periods";
import type { RebateRules } from "@/lib/domain/rebates";
import { notFound } from "@/lib/errors";
import { requireStaff } from "../authorize";

export interface RebateProgram {
  id: string;
  name: string;
  fromPeriod: string;
  toPeriod: string;
  rules: RebateRules;
  /** ISO 4217 code the programme's money (amounts, sales value) is in. */
  currency: string;
  active: boolean;
  createdAt: string;
  /** Moves on with every edit: the ETag, and what an edit must be based on (If-Match). */
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toProgram(r: typeof rebatePrograms.$inferSelect): RebateProgram {
  return {
    id: r.id,
    name: r.name,
    fromPeriod: dateToPeriod(r.fromPeriod),
    toPeriod: dateToPeriod(r.toPeriod),
    rules: {
      graceDays: r.graceDays,
      lateAllowed: r.lateAllowed,
      minCompletenessPct: String(r.minCompletenessPct),
      maxAccuracyPct: String(r.maxAccuracyPct),
      ratePct: String(r.ratePct),
      ...(r.minQualityScore !== null ? { minQualityScore: r.minQualityScore } : {}),
    },
    currency: r.currency,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

export async function loadProgram(db: Queryable, id: string): Promise<RebateProgram> {
  if (!UUID.test(id)) throw notFound(`No rebate programme ${id}`);
  const [row] = await db.select().from(rebatePrograms).where(eq(rebatePrograms.id, id)).limit(1);
  if (!row) throw notFound(`No rebate programme ${id}`);
  return toProgram(row);
}

/** Active programmes, newest period first. */
export async function loadActivePrograms(db: Queryable): Promise<RebateProgram[]> {
  const rows = await db.select().from(rebatePrograms).where(eq(rebatePrograms.active, true)).orderBy(desc(rebatePrograms.toPeriod), rebatePrograms.name);
  return rows.map(toProgram);
}

export async function listPrograms(db: Queryable, viewer: Viewer): Promise<RebateProgram[]> {
  requireStaff(viewer);
  const rows = await db.select().from(rebatePrograms).orderBy(desc(rebatePrograms.toPeriod), rebatePrograms.name);
  return rows.map(toProgram);
}

export async function getProgram(db: Queryable, viewer: Viewer, id: string): Promise<RebateProgram> {
  requireStaff(viewer);
  return loadProgram(db, id);
}
