import "server-only";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { countChanges, diffLines, type DiffLineInput, type LineChange } from "@/lib/domain/revision-diff";
import { getRevision, type RevisionDetail } from "@/lib/dal/submissions/get-revision";
import { listRevisions } from "@/lib/dal/submissions/list-revisions";
import { addPeriods } from "@/lib/domain/periods";

/** What a revision's changed rows are measured against. */
export type ChangeBasis =
  | { kind: "previous"; revision: number }
  /** Revision 1: last period's values as the report screen prefilled them (sold, returned 0, on hand). */
  | { kind: "prefill"; period: string; revision: number }
  /** Revision 1 with nothing reported the period before: every row is listed. */
  | { kind: "none" };

export interface RevisionChanges {
  basis: ChangeBasis;
  changes: LineChange[];
  counts: { added: number; removed: number; changed: number; unchanged: number };
}

/**
 * The rows of `detail` that changed versus the revision before it; for revision 1, versus the
 * prefill (last period's latest revision submitted before it: sold and on hand carried, returned 0).
 */
export async function changesOfRevision(
  db: Queryable,
  viewer: Viewer,
  detail: RevisionDetail,
): Promise<RevisionChanges> {
  if (detail.revision > 1) {
    const before = await getRevision(db, viewer, { period: detail.period, revision: detail.revision - 1 });
    const { changes, unchanged } = diffLines(before.lines, detail.lines);
    return { basis: { kind: "previous", revision: before.revision }, changes, counts: countChanges(changes, unchanged) };
  }

  const previousPeriod = addPeriods(detail.period, -1);
  const earlier = await listRevisions(db, viewer, { period: previousPeriod });
  const basisRevision = earlier.find((r) => r.submittedAt <= detail.submittedAt);
  if (!basisRevision) return { basis: { kind: "none" }, changes: [], counts: countChanges([], 0) };

  const last = await getRevision(db, viewer, { period: previousPeriod, revision: basisRevision.revision });
  const lastBySku = new Map(last.lines.map((l) => [l.sku.toUpperCase(), l]));
  const prefill: DiffLineInput[] = detail.lines.map((l) => {
    const p = lastBySku.get(l.sku.toUpperCase());
    return { sku: l.sku, description: l.description, sold: p?.sold ?? 0, returned: 0, onHand: p?.onHand ?? 0, note: null };
  });
  const { changes, unchanged } = diffLines(prefill, detail.lines);
  return { basis: { kind: "prefill", period: previousPeriod, revision: basisRevision.revision }, changes, counts: countChanges(changes, unchanged) };
}
