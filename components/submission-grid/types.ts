/**
 * What the distributor's grid receives from the page and what its server actions answer.
 * Plain, serialisable data: the page (a server component) builds it, the grid (a client component)
 * reads it, `app/(portal)/submit/actions.ts` returns the action states.
 */
import type { DraftCells } from "@/lib/validation/submission";
import type { SubmissionViewLine } from "@/lib/dal/submissions/get-submission-view";

/**
 * One SKU row as sent to the browser (compact: 2,000 of them travel in the page payload). Sold,
 * returned and on hand are the values the grid starts from: the latest revision's, or the prefill.
 */
export interface GridLineInput extends Pick<SubmissionViewLine, "sku" | "description" | "family" | "opening" | "received" | "sold" | "returned" | "onHand"> {
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
  /** A SKU whose On hand cell is focused when the grid opens ("fix in the grid"). */
  focusSku?: string;
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
// The server actions' contract lives in lib/validation (the actions and the grid both use it).
export type * from "@/lib/validation/submit-actions";
