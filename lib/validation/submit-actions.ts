/**
 * The contract of the distributor's screen's server actions (`app/(portal)/submit/actions.ts` and
 * `upload-actions.ts`): what they take and the `ActionState` each answers. The grid and the upload
 * panel receive the actions as props typed by `GridActions` / `UploadActions`.
 */
import type { Quality } from "@/lib/domain/quality";
import type { RowFlag } from "@/lib/domain/submission-checks";
import type { ActionState } from "./action-state";
import type { DraftCellPatch, DraftCells, DraftField, DraftValue } from "./submission";

export interface SaveDraftActionInput {
  period: string;
  version: number;
  baseRevision: number | null;
  cells: Record<string, DraftCellPatch | null>;
}

export interface DraftViewState {
  version: number;
  baseRevision: number | null;
  cells: DraftCells;
  updatedAt: string;
  updatedByName: string | null;
}

/** A saved draft, or why nothing was written (a colleague's edit, discard or submission came first). */
export type SaveDraftResult =
  | { conflict: false; merged: boolean; draft: DraftViewState }
  | {
      conflict: true;
      reason: "edited";
      draft: DraftViewState;
      conflicts: { sku: string; field: DraftField; yours: DraftValue | null; theirs: DraftValue | null }[];
      latestRevision: number | null;
    }
  | { conflict: true; reason: "discarded" | "submitted"; draft: DraftViewState | null; latestRevision: number | null };

/**
 * `ok: false` codes the autosave acts on: `unauthenticated` and `conflict` (the period closed) stop
 * it; `database_unavailable` and `internal` are retried like a lost connection; the rest are shown.
 */
export type SaveDraftActionState = ActionState<Record<string, unknown>, SaveDraftResult>;

export type DiscardDraftActionState = ActionState<Record<string, unknown>, { discarded: boolean }>;

export interface SubmitActionInput {
  period: string;
  idempotencyKey: string;
  /** `{ baseRevision, lines: [{ sku, sold, returned, onHand, note? }] }`, parsed on the server with `submissionBodySchema`. */
  body: unknown;
}

export interface RevisionDifference {
  sku: string;
  field: "sold" | "returned" | "onHand" | "note" | "line";
  theirs: number | string | null;
  yours: number | string | null;
}

/** A colleague stored a newer revision first: who, when, and what differs from this grid. */
export interface SubmitConflict {
  latestRevision: number | null;
  submittedAt: string | null;
  submittedBy: string | null;
  differences: RevisionDifference[];
  /** How many differences there are in all (the list is cut at 200). */
  differenceCount: number;
}

/**
 * What a refused submission carries besides its code and message: `review` (code `conflict`) — the
 * flags of lines neither fixed nor confirmed, nothing stored; `conflict` (code `conflict`) — the
 * newer revision. Line errors are `fieldErrors` by path ("lines.3.sold") with code `validation_failed`.
 */
export interface SubmitFailureDetails {
  review?: { flags: RowFlag[]; quality: Quality };
  conflict?: SubmitConflict;
}

/** On success the action redirects to the receipt, so `ok: true` is never seen. */
export type SubmitActionState = ActionState<Record<string, unknown>, undefined, SubmitFailureDetails>;

export interface CatalogueProduct {
  sku: string;
  description: string;
  family: string;
}

export type SearchCatalogueActionState = ActionState<Record<string, unknown>, CatalogueProduct[]>;

export interface GridActions {
  saveDraft: (input: SaveDraftActionInput) => Promise<SaveDraftActionState>;
  discardDraft: (input: { period: string }) => Promise<DiscardDraftActionState>;
  submit: (input: SubmitActionInput) => Promise<SubmitActionState>;
  searchCatalogue: (input: { query: string }) => Promise<SearchCatalogueActionState>;
  /** The upload panel's actions. */
  mapUnknownParts: (input: { uploadId: string; mappings: { part: string; sku: string }[] }) => Promise<MapPartsActionState>;
  searchSkus: (input: { query: string }) => Promise<SearchCatalogueActionState>;
}

/** Unknown parts mapped to SKUs; a refused mapping names the part in `fieldErrors` (keyed by part). */
export type MapPartsActionState = ActionState<Record<string, unknown>, { mapped: { part: string; sku: string }[] }>;
