/**
 * How a draft is stored and read back. Internal to lib/dal/drafts (and read by getSubmissionView).
 *
 * `submission_drafts.cells` holds, per SKU and field, the value typed and the draft version that
 * last wrote it: `{ "MCU-1000": { "sold": [712, 4], "note": [null, 6] } }`. A null value is a
 * cleared edit, kept as a tombstone so a colleague's stale save can be told apart from a revert.
 * Readers get `DraftView`, whose `cells` hold only the live edits: `{ "MCU-1000": { "sold": 712 } }`.
 */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { submissionDrafts, users } from "@/db/schema";
import { dateToPeriod } from "@/lib/domain/periods";
import { DRAFT_FIELDS, type DraftCells, type DraftField, type DraftValue } from "@/lib/validation/submission";

export type StoredEntry = [value: DraftValue | null, version: number];
export type StoredCells = Record<string, Partial<Record<DraftField, StoredEntry>>>;

export interface DraftView {
  period: string;
  /** Pass it back to saveDraft: optimistic concurrency. */
  version: number;
  /** The revision the draft was typed against (null: nothing was submitted then). */
  baseRevision: number | null;
  /** Only the edited cells, per SKU. */
  cells: DraftCells;
  /** How many SKUs have at least one edit. */
  editedSkus: number;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
}

export interface DraftRow {
  period: string;
  baseRevision: number | null;
  cells: StoredCells;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
}

export function liveCells(stored: StoredCells): DraftCells {
  const out: DraftCells = {};
  for (const [sku, fields] of Object.entries(stored ?? {})) {
    const cell: Record<string, DraftValue> = {};
    for (const f of DRAFT_FIELDS) {
      const e = fields?.[f];
      if (e && e[0] !== null && e[0] !== undefined) cell[f] = e[0];
    }
    if (Object.keys(cell).length) out[sku] = cell as DraftCells[string];
  }
  return out;
}

export function toDraftView(row: DraftRow): DraftView {
  const cells = liveCells(row.cells);
  return {
    period: row.period,
    version: row.version,
    baseRevision: row.baseRevision,
    cells,
    editedSkus: Object.keys(cells).length,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy ? { id: row.updatedBy, name: row.updatedByName ?? "" } : null,
  };
}

/** The draft of one distributor × period ("YYYY-MM-01"), optionally locked FOR UPDATE. */
export async function readDraftRow(db: Queryable, distributorId: number, periodDate: string, forUpdate = false): Promise<DraftRow | null> {
  const q = db
    .select({
      period: submissionDrafts.period,
      baseRevision: submissionDrafts.baseRevision,
      cells: submissionDrafts.cells,
      version: submissionDrafts.version,
      updatedAt: submissionDrafts.updatedAt,
      updatedBy: submissionDrafts.updatedBy,
    })
    .from(submissionDrafts)
    .where(and(eq(submissionDrafts.distributorId, distributorId), eq(submissionDrafts.period, periodDate)))
    .limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  if (!row) return null;
  let updatedByName: string | null = null;
  if (row.updatedBy) {
    const [u] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.updatedBy)).limit(1);
    updatedByName = u ? u.name || u.email : null;
  }
  return { ...row, period: dateToPeriod(row.period), cells: (row.cells ?? {}) as StoredCells, updatedByName };
}

export async function deleteDraft(db: Queryable, distributorId: number, periodDate: string): Promise<boolean> {
  const gone = await db
    .delete(submissionDrafts)
    .where(and(eq(submissionDrafts.distributorId, distributorId), eq(submissionDrafts.period, periodDate)))
    .returning({ v: submissionDrafts.version });
  return gone.length > 0;
}
