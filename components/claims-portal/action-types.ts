/**
 * What the claim screens send to their server actions (app/(portal)/my-claims/actions.ts) and get
 * back: one `ActionState` each, never a raw error.
 */
import type { ClaimError, ClaimNeed, ClaimWarning } from "@/lib/imports/claims";
import type { ClaimBody } from "@/lib/validation/claims";
import type { ActionState } from "@/lib/validation/action-state";

/** The lines typed on the screen (a new claim, or a new revision of `claim`); the key makes a double click one claim. */
export type ClaimLinesInput = ClaimBody & { idempotencyKey: string };

/** Success redirects to the claim; a failure carries field errors keyed `lines.<index>.<field>`. */
export type ClaimLinesState = ActionState<Record<string, unknown>>;

export type ClaimFileFormat = "x12" | "csv" | "xlsx";

export type ClaimUploadData =
  | { kind: "needs"; format: ClaimFileFormat; needs: ClaimNeed[]; headers: string[]; warnings: ClaimWarning[] }
  | { kind: "stored"; format: ClaimFileFormat; id: string; revision: number; warnings: ClaimWarning[] };

/** A file that cannot become a claim: its bad lines, each with the field at fault. Nothing was stored. */
export interface ClaimUploadFailure extends Record<string, unknown> {
  format?: ClaimFileFormat;
  fileErrors?: ClaimError[];
  warnings?: ClaimWarning[];
}

export type ClaimUploadState = ActionState<Record<string, string>, ClaimUploadData, ClaimUploadFailure>;
