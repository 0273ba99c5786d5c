/**
 * What the distributor's grid receives from the page and what its server actions answer.
 * Plain, serialisable data: the page (a server component) builds it, the grid (a client component)
 * reads it, `app/(portal)/submit/actions.ts` returns the action states.
 */
import type { Quality } from "@/lib/domain/quality";
import type { RowFlag } from "@/lib/domain/submission-checks";
import type { DraftCellPatch, DraftCells, DraftField, DraftValue } from "@/lib/validation/submission";

/** One SKU row as sent to the browser (compact: 2,000 of them travel in the page payload). */
export interface GridLineInput {
  sku: string;
  description: string;
  family: string;
  opening: number;
  received: number;
  /** The values the grid starts from: the latest revision's, or the prefill. */
  sold: number;
  returned: number;
  onHand: number;
  note: string;
  /** Last period's reported sold / on hand, shown as a hint ("last period: 700"). */
  lastSold: number | null;
  lastOnHand: number | null;
  /** Opening or sell-in in the period: leaving the SKU out would make the report incomplete. */
  required: boolean;
}

export interface GridDraftInput {
  version: number;
  baseRevision: number | null;
  cells: DraftCells;
  updatedAt: string;
  updatedByName: string | null;
}

export interface GridInput {
  period: string;
  periodLabel: string;
  distributorCode: string;
  /** The latest revision (the submission's `baseRevision`), or null when nothing was submitted. */
  revision: number | null;
  closed: boolean;
  differenceTolerance: number;
  lines: GridLineInput[];
  draft: GridDraftInput | null;
  /** Generated once per rendered page: a double click stores one revision. */
  idempotencyKey: string;
  /** The next three periods, for the optional forecast columns ("2026-11" …). */
  forecastPeriods: [string, string, string];
  forecastLabels: [string, string, string];
  /** `?bench=1`: count row renders in `window.__sellthruGridRenders` (see bench/submit-page). */
  bench: boolean;
}

// --------------------------------------------------------------------------------------------
// Server action states. Typed, never a raw error.

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

export type SaveDraftActionState =
  | { ok: true; conflict: false; merged: boolean; draft: DraftViewState }
  | {
      ok: true;
      conflict: true;
      reason: "edited";
      draft: DraftViewState;
      conflicts: { sku: string; field: DraftField; yours: DraftValue | null; theirs: DraftValue | null }[];
      latestRevision: number | null;
    }
  | { ok: true; conflict: true; reason: "discarded" | "submitted"; draft: DraftViewState | null; latestRevision: number | null }
  | { ok: false; code: "signed_out" | "closed" | "invalid" | "failed"; formError: string };

export type DiscardDraftActionState = { ok: true; discarded: boolean } | { ok: false; formError: string };

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

/** On success the action redirects to the receipt, so there is no `ok: true` state. */
export type SubmitActionState =
  | {
      ok: false;
      kind: "invalid";
      /** By path: "lines.3.sold" → ["Sold cannot be negative"]. */
      fieldErrors: Record<string, string[]>;
      formError: string;
    }
  | {
      ok: false;
      kind: "conflict";
      fieldErrors: Record<string, never>;
      formError: string;
      conflict: {
        latestRevision: number | null;
        submittedAt: string | null;
        submittedBy: string | null;
        differences: RevisionDifference[];
        /** How many differences there are in all (the list is cut at 200). */
        differenceCount: number;
      };
    }
  | {
      ok: false;
      kind: "review";
      fieldErrors: Record<string, never>;
      formError: string;
      /** Flags of lines neither fixed nor confirmed: fix them or confirm as reported, then submit again. */
      flags: RowFlag[];
      quality: Quality;
    }
  | { ok: false; kind: "closed" | "error"; fieldErrors: Record<string, never>; formError: string };

export interface CatalogueProduct {
  sku: string;
  description: string;
  family: string;
}

export type SearchCatalogueActionState = { ok: true; products: CatalogueProduct[] } | { ok: false; formError: string };

export interface GridActions {
  saveDraft: (input: SaveDraftActionInput) => Promise<SaveDraftActionState>;
  discardDraft: (input: { period: string }) => Promise<DiscardDraftActionState>;
  submit: (input: SubmitActionInput) => Promise<SubmitActionState>;
  searchCatalogue: (input: { query: string }) => Promise<SearchCatalogueActionState>;
}
