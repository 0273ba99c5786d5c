/**
 * `diffRevisions(db, viewer, { period, from, to, distributorCode? })` → `RevisionDiff`
 * What changed between two revisions of a period, per SKU: `{ sku, description, change: "added" |
 * "removed" | "changed", fields: { sold?: { from, to }, returned?, onHand?, note? } }`, sorted by SKU.
 * `from` may be 0 ("nothing": every line is added). 404 when a revision does not exist.
 *
 * `diffLines(before, after)` is the same comparison on plain lines, e.g. a form's body against the
 * latest revision when a colleague submitted meanwhile.
 */
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { getRevision, type RevisionDetail } from "./get-revision";

export type DiffField = "sold" | "returned" | "onHand" | "note";
export interface DiffLineInput {
  sku: string;
  description?: string;
  sold: number;
  returned: number;
  onHand: number;
  note?: string | null;
}
export interface LineChange {
  sku: string;
  description: string;
  change: "added" | "removed" | "changed";
  fields: Partial<Record<DiffField, { from: number | string | null; to: number | string | null }>>;
}
export interface RevisionDiff {
  period: string;
  from: { revision: number; submittedAt: string | null; submittedBy: string | null };
  to: { revision: number; submittedAt: string; submittedBy: string };
  changes: LineChange[];
  counts: { added: number; removed: number; changed: number; unchanged: number };
}

const FIELDS: DiffField[] = ["sold", "returned", "onHand", "note"];

export function diffLines(before: DiffLineInput[], after: DiffLineInput[]): { changes: LineChange[]; unchanged: number } {
  const key = (s: string) => s.toUpperCase();
  const a = new Map(before.map((l) => [key(l.sku), l]));
  const b = new Map(after.map((l) => [key(l.sku), l]));
  const changes: LineChange[] = [];
  let unchanged = 0;
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(k);
    const y = b.get(k);
    const fields: LineChange["fields"] = {};
    for (const f of FIELDS) {
      const from = x ? (x[f] ?? null) : null;
      const to = y ? (y[f] ?? null) : null;
      if (from !== to) fields[f] = { from, to };
    }
    const line = (y ?? x)!;
    if (!x) changes.push({ sku: line.sku, description: line.description ?? "", change: "added", fields });
    else if (!y) changes.push({ sku: line.sku, description: line.description ?? "", change: "removed", fields });
    else if (Object.keys(fields).length) changes.push({ sku: line.sku, description: line.description ?? x.description ?? "", change: "changed", fields });
    else unchanged++;
  }
  return { changes, unchanged };
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
    counts: {
      added: changes.filter((c) => c.change === "added").length,
      removed: changes.filter((c) => c.change === "removed").length,
      changed: changes.filter((c) => c.change === "changed").length,
      unchanged,
    },
  };
}
