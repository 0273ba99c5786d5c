/**
 * `saveDraft(db, viewer, { period, version, baseRevision?, cells }, now?)` → `SaveDraftResult`
 *
 * Saves what a distributor is typing (debounced by the grid). `cells` is a PATCH: the cells changed
 * since the client last saw draft `version` (0 = it has seen none), e.g.
 * `{ "MCU-1000": { sold: 712, note: null }, "MCU-2000": null }` — a field set to null drops that edit,
 * a SKU set to null drops all of its edits.
 *
 * Optimistic concurrency, cell by cell:
 * - `version` is current → the patch is applied; `{ conflict: false, merged: false, draft }`.
 * - a colleague saved meanwhile but touched other cells → the patch is merged on top of theirs;
 *   `{ conflict: false, merged: true, draft }` (the client should adopt `draft`, which has both).
 * - a colleague changed one of the same cells to another value → nothing is written;
 *   `{ conflict: true, reason: "edited", draft, conflicts: [{ sku, field, yours, theirs }] }`.
 *   To keep yours, save again with `draft.version`.
 * - the draft was discarded, or a colleague submitted (so `baseRevision` is stale) → nothing is written;
 *   `{ conflict: true, reason: "discarded" | "submitted", draft, latestRevision }`.
 *
 * Distributor users only (staff → 403); closed or future period → 409; invalid input → 400.
 */
import { and, eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Queryable } from "@/db/open";
import { submissionDrafts, submissions } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { zodIssuesOf } from "../submissions/issues";
import {
  DRAFT_FIELDS,
  saveDraftSchema,
  type DraftField,
  type DraftValue,
  type SaveDraftInput,
} from "@/lib/validation/submission";
import { requireRole, resolveDistributor } from "../authorize";
import { assertReportable, loadPeriodInfo } from "../submissions/period-info";
import { readDraftRow, toDraftView, type DraftRow, type DraftView, type StoredCells, type StoredEntry } from "./draft-store";

export interface DraftConflict {
  sku: string;
  field: DraftField;
  yours: DraftValue | null;
  theirs: DraftValue | null;
}

export type SaveDraftResult =
  | { conflict: false; merged: boolean; draft: DraftView }
  | { conflict: true; reason: "edited"; draft: DraftView; conflicts: DraftConflict[]; latestRevision: number | null }
  | { conflict: true; reason: "discarded" | "submitted"; draft: DraftView | null; conflicts: []; latestRevision: number | null };

type Patch = Record<string, Partial<Record<DraftField, DraftValue | null>> | null>;

export async function saveDraft(db: Queryable, viewer: Viewer, input: SaveDraftInput, now: Date = new Date()): Promise<SaveDraftResult> {
  requireRole(viewer, ["distributor"]);
  let parsed;
  try {
    parsed = saveDraftSchema.parse(input);
  } catch (e) {
    if (e instanceof ZodError) throw new AppError("validation_failed", "The draft is not valid; nothing was saved", zodIssuesOf(e));
    throw e;
  }
  const d = await resolveDistributor(db, viewer);
  const info = await loadPeriodInfo(db, parsed.period, now);
  assertReportable(info);
  const patch = parsed.cells as Patch;

  return db.transaction(async (tx) => {
    const [sub] = await tx
      .select({ latest: submissions.latestRevision })
      .from(submissions)
      .where(and(eq(submissions.distributorId, d.id), eq(submissions.period, info.periodDate)))
      .limit(1);
    const latestRevision = sub?.latest ?? null;

    let row = await readDraftRow(tx, d.id, info.periodDate, true);
    if (parsed.baseRevision !== undefined && parsed.baseRevision !== latestRevision) {
      return { conflict: true, reason: "submitted", draft: row ? toDraftView(row) : null, conflicts: [], latestRevision };
    }
    if (!row) {
      if (parsed.version > 0) return { conflict: true, reason: "discarded", draft: null, conflicts: [], latestRevision };
      await tx
        .insert(submissionDrafts)
        .values({ distributorId: d.id, period: info.periodDate, baseRevision: parsed.baseRevision ?? latestRevision, cells: {}, version: 0, updatedAt: now, updatedBy: viewer.userId })
        .onConflictDoNothing();
      // A colleague created it in the same instant: merge against theirs like any other save.
      row = await readDraftRow(tx, d.id, info.periodDate, true);
      if (!row) throw new AppError("internal", "The draft could not be saved");
    }
    if (parsed.version > row.version) {
      // The client knows a version this row never had: the draft it edited was discarded.
      return { conflict: true, reason: "discarded", draft: toDraftView(row), conflicts: [], latestRevision };
    }

    const conflicts = parsed.version < row.version ? findConflicts(row.cells, patch, parsed.version) : [];
    if (conflicts.length) return { conflict: true, reason: "edited", draft: toDraftView(row), conflicts, latestRevision };

    const version = row.version + 1;
    const cells = applyPatch(row.cells, patch, version);
    await tx
      .update(submissionDrafts)
      .set({
        cells,
        version,
        baseRevision: parsed.baseRevision !== undefined ? parsed.baseRevision : row.baseRevision,
        updatedAt: now,
        updatedBy: viewer.userId,
      })
      .where(and(eq(submissionDrafts.distributorId, d.id), eq(submissionDrafts.period, info.periodDate)));
    const saved: DraftRow = {
      ...row,
      cells,
      version,
      baseRevision: parsed.baseRevision !== undefined ? parsed.baseRevision : row.baseRevision,
      updatedAt: now,
      updatedBy: viewer.userId,
      updatedByName: viewer.name || viewer.email,
    };
    return { conflict: false, merged: parsed.version < row.version, draft: toDraftView(saved) };
  });
}

const same = (a: DraftValue | null | undefined, b: DraftValue | null | undefined) => (a ?? null) === (b ?? null);

/** Cells the client changed that someone else wrote after `since`, to a different value. */
function findConflicts(stored: StoredCells, patch: Patch, since: number): DraftConflict[] {
  const out: DraftConflict[] = [];
  for (const [sku, fields] of Object.entries(patch)) {
    const theirs = stored[sku] ?? {};
    const touched: [DraftField, DraftValue | null][] = fields === null
      ? DRAFT_FIELDS.map((f) => [f, null])
      : (Object.entries(fields).filter(([, v]) => v !== undefined) as [DraftField, DraftValue | null][]);
    for (const [field, yours] of touched) {
      const e = theirs[field];
      if (e && e[1] > since && !same(e[0], yours)) out.push({ sku, field, yours, theirs: e[0] });
    }
  }
  return out;
}

function applyPatch(stored: StoredCells, patch: Patch, version: number): StoredCells {
  const next: StoredCells = { ...stored };
  for (const [sku, fields] of Object.entries(patch)) {
    const cell = { ...(next[sku] ?? {}) };
    if (fields === null) {
      for (const f of DRAFT_FIELDS) if (cell[f] && cell[f]![0] !== null) cell[f] = [null, version];
    } else {
      for (const [f, v] of Object.entries(fields) as [DraftField, DraftValue | null | undefined][]) {
        if (v === undefined) continue;
        if (v === null && !cell[f]) continue;
        cell[f] = [v, version] as StoredEntry;
      }
    }
    if (Object.keys(cell).length) next[sku] = cell;
  }
  return next;
}
