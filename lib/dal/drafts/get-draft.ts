/**
 * `getDraft(db, viewer, { period })` → `DraftView | null`
 * The draft a distributor's users are typing for a period (shared by all users of that distributor).
 * Distributor users only (staff → 403); the tenant comes from the viewer.
 */
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { requireRole, resolveDistributor } from "../authorize";
import { parsePeriodParam } from "../submissions/period-info";
import { readDraftRow, toDraftView, type DraftView } from "./draft-store";

export type { DraftView } from "./draft-store";

export async function getDraft(db: Queryable, viewer: Viewer, input: { period: string }): Promise<DraftView | null> {
  requireRole(viewer, ["distributor"]);
  const period = parsePeriodParam(input.period);
  const d = await resolveDistributor(db, viewer);
  const row = await readDraftRow(db, d.id, periodToDate(period));
  return row ? toDraftView(row) : null;
}
