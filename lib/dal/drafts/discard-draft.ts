/**
 * `discardDraft(db, viewer, { period })` → `{ discarded: boolean }`
 * Throws the draft away (the grid goes back to the prefill or the latest revision). Distributor
 * users only; idempotent (discarding nothing is `{ discarded: false }`).
 */
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { requireRole, resolveDistributor } from "../authorize";
import { parsePeriodParam } from "../submissions/period-info";
import { deleteDraft } from "./draft-store";

export async function discardDraft(db: Queryable, viewer: Viewer, input: { period: string }): Promise<{ discarded: boolean }> {
  requireRole(viewer, ["distributor"]);
  const period = parsePeriodParam(input.period);
  const d = await resolveDistributor(db, viewer);
  return { discarded: await deleteDraft(db, d.id, periodToDate(period)) };
}
