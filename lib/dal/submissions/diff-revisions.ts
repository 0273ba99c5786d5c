/**
 * `diffRevisions(db, viewer, { period, from, to, distributorCode? })` → `RevisionDiff`
 * What changed between two revisions of a period, per SKU: `{ sku, description, change: "added" |
 * "removed" | "changed", fields: { sold?: { from, to }, returned?, onHand?, note? } }`, sorted by SKU.
 * `from` may be 0 ("nothing": every line is added). 404 when a revision does not exist.
 * The comparison itself is `diffLines` (lib/domain/revision-diff.ts).
 */
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { countChanges, diffLines, type LineChange } from "@/lib/domain/revision-diff";
import { getRevision, type RevisionDetail } from "./get-revision";


export interface RevisionDiff {
  period: string;
  from: { revision: number; submittedAt: string | null; submittedBy: string | null };
  to: { revision: number; submittedAt: string; submittedBy: string };
  changes: LineChange[];
  counts: { added: number; removed: number; changed: number; unchanged: number };
}

export async function diffRevisions(
  db: Queryable,
  viewer: Viewer,
  input: { period: string; from: number; to: number; distributorCode?: string | null },
): Promise<RevisionDiff> {
  const to = await getRevision(db, viewer, { period: input.period, revision: input.to, distributorCode: input.distributorCode });
  const from: RevisionDetail | null =
    input.from === 0 ? null : await getRevision(db, viewer, { period: input.period, revision: input.from, distributorCode: input.distributorCode });
  const { changes, unchanged } = diffLines(from?.lines ?? [], to.lines);
  return {
    period: to.period,
    from: { revision: input.from, submittedAt: from?.submittedAt ?? null, submittedBy: from?.submittedBy ?? null },
    to: { revision: to.revision, submittedAt: to.submittedAt, submittedBy: to.submittedBy },
    changes,
    counts: countChanges(changes, unchanged),
  };
}
