import { z } from "zod";
import { MAX_UNITS, distributorCodeSchema, periodSchema, skuSchema } from "./common";

import { EXCEPTION_REASONS, EXCEPTION_STATUSES, type ExceptionReason, type ExceptionStatus } from "@/lib/domain/constants";

export { EXCEPTION_REASONS, EXCEPTION_STATUSES, type ExceptionReason, type ExceptionStatus };
export const STATUS_LABELS: Record<ExceptionStatus, string> = {
  open: "Open",
  investigating: "Investigating",
  resolved: "Resolved",
  dismissed: "Dismissed",
};
/** Statuses an exception may move to from each status (anything else is a 409). */
export const STATUS_TRANSITIONS: Record<ExceptionStatus, readonly ExceptionStatus[]> = {
  open: ["investigating", "dismissed"],
  investigating: ["resolved", "dismissed"],
  resolved: ["open"],
  dismissed: ["open"],
};
export const ACTIVE_STATUSES: readonly ExceptionStatus[] = ["open", "investigating"];

export const REASON_LABELS: Record<ExceptionReason, string> = {
  delayed_pos: "Delayed POS",
  stock_transfer: "Stock transfer",
  unprocessed_return: "Unprocessed return",
  damaged: "Damaged",
  timing: "Timing",
  reporting_error: "Reporting error",
  other: "Other",
};

/**
 * What a proposer calls a correction. The signed quantity decides the direction; the movement type
 * (and so the sign on the ledger) is derived in lib/domain/movements.ts. The directional movement
 * types are accepted too, when the quantity's sign agrees with them.
 */
export const CORRECTION_TYPES = [
  "adjustment",
  "count_correction",
  "damage",
  "transfer",
  "adjustment_in",
  "adjustment_out",
  "transfer_in",
  "transfer_out",
] as const;
export type CorrectionType = (typeof CORRECTION_TYPES)[number];
export const CORRECTION_TYPE_LABELS: Record<CorrectionType, string> = {
  adjustment: "Adjustment",
  count_correction: "Count correction",
  damage: "Damage / scrap",
  transfer: "Stock transfer",
  adjustment_in: "Adjustment in",
  adjustment_out: "Adjustment out",
  transfer_in: "Transfer in",
  transfer_out: "Transfer out",
};
/** The ones offered in the UI (the directional ones are for API clients). */
export const UI_CORRECTION_TYPES = ["adjustment", "count_correction", "damage", "transfer"] as const;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** "me", "none", a user id or an e-mail. */
const ownerFilterSchema = z.string().trim().min(1).max(254);

export const exceptionQuerySchema = z.object({
  status: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((s) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : []))
      .pipe(z.array(z.enum([...EXCEPTION_STATUSES, "active"]))),
  ),
  owner: z.preprocess(emptyToUndefined, ownerFilterSchema.optional()),
  period: z.preprocess(emptyToUndefined, periodSchema.optional()),
  distributor: z.preprocess(emptyToUndefined, distributorCodeSchema.optional()),
  sku: z.preprocess(emptyToUndefined, z.string().trim().max(64).optional()),
  /** "awaiting": only exceptions with a correction waiting for a second person. */
  corrections: z.preprocess(emptyToUndefined, z.enum(["awaiting"], { error: "corrections is awaiting or empty" }).optional()),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ExceptionQuery = z.infer<typeof exceptionQuerySchema>;
export type ExceptionQueryInput = z.input<typeof exceptionQuerySchema>;

const noteBody = z.string().trim().min(1, "Write something first").max(4000, "A note is at most 4,000 characters");

/** `owner`: a staff user's id or e-mail, "me", or null to unassign. */
const ownerInputSchema = z.union([z.string().trim().min(1).max(254), z.null()]);

export const openExceptionSchema = z.object({
  distributor: distributorCodeSchema,
  sku: skuSchema,
  period: periodSchema,
  reason: z.preprocess(emptyToUndefined, z.enum(EXCEPTION_REASONS).optional()),
  owner: z.preprocess((v) => (v === "" ? undefined : v), ownerInputSchema.optional()),
  note: z.preprocess(emptyToUndefined, noteBody.optional()),
});
export type OpenExceptionInput = z.infer<typeof openExceptionSchema>;

export const updateExceptionSchema = z
  .object({
    status: z.enum(EXCEPTION_STATUSES).optional(),
    reason: z.union([z.enum(EXCEPTION_REASONS), z.null()]).optional(),
    owner: ownerInputSchema.optional(),
    note: noteBody.optional(),
  })
  .refine((v) => v.status !== undefined || v.reason !== undefined || v.owner !== undefined || v.note !== undefined, {
    message: "Change at least one of status, reason, owner or note",
  });
export type UpdateExceptionInput = z.infer<typeof updateExceptionSchema>;

export const bulkUpdateSchema = z
  .object({
    ids: z.array(z.uuid("Not an exception id")).min(1, "Select at least one exception").max(500, "At most 500 at a time"),
    status: z.enum(EXCEPTION_STATUSES).optional(),
    owner: ownerInputSchema.optional(),
  })
  .refine((v) => v.status !== undefined || v.owner !== undefined, { message: "Choose an owner or a status" });
export type BulkUpdateInput = z.infer<typeof bulkUpdateSchema>;

export const noteSchema = z.object({
  body: noteBody,
  /** Staff only: a note the distributor does not see. */
  internal: z.boolean().optional().default(false),
});
export type NoteInput = z.input<typeof noteSchema>;

export const proposeCorrectionSchema = z
  .object({
    quantity: z.coerce
      .number({ error: "Quantity must be a number" })
      .int("Quantity is a whole number of units")
      .refine((n) => n !== 0, "A correction of 0 changes nothing: use a signed, non-zero quantity")
      .refine((n) => Math.abs(n) <= MAX_UNITS, "Quantity is implausibly large"),
    type: z.enum(CORRECTION_TYPES, { error: `Type is one of ${CORRECTION_TYPES.join(", ")}` }),
    reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(1000, "A reason is at most 1,000 characters"),
  })
  .superRefine((v, ctx) => {
    const negativeOnly = v.type === "damage" || v.type === "adjustment_out" || v.type === "transfer_out";
    const positiveOnly = v.type === "adjustment_in" || v.type === "transfer_in";
    if (negativeOnly && v.quantity > 0) ctx.addIssue({ code: "custom", path: ["quantity"], message: `${CORRECTION_TYPE_LABELS[v.type]} lowers the balance: use a negative quantity` });
    if (positiveOnly && v.quantity < 0) ctx.addIssue({ code: "custom", path: ["quantity"], message: `${CORRECTION_TYPE_LABELS[v.type]} raises the balance: use a positive quantity` });
  });
export type ProposeCorrectionInput = z.infer<typeof proposeCorrectionSchema>;

export const automaticOpenSchema = z.object({ period: periodSchema.optional() });

/** A distributor × SKU × period row acted on from where it is shown (the drill-down, the gap view). */
export const rowRefSchema = openExceptionSchema.pick({ distributor: true, sku: true, period: true });
export type RowRef = z.infer<typeof rowRefSchema>;

/** Open exceptions on many gap-view rows at once. */
export const bulkOpenSchema = z.object({
  rows: z.array(rowRefSchema).min(1, "Select at least one row").max(200, "At most 200 rows at a time"),
});
export type BulkOpenInput = z.infer<typeof bulkOpenSchema>;

/** Approve or reject from the queue: one action, an optional note. */
export const decideCorrectionSchema = z.object({
  correctionId: z.uuid("Not a correction id"),
  decision: z.enum(["approve", "reject"], { error: "Approve or reject" }),
  note: z.preprocess(emptyToUndefined, z.string().trim().max(1000, "A note is at most 1,000 characters").optional()),
});
export type DecideCorrectionInput = z.infer<typeof decideCorrectionSchema>;

/** POST /api/v1/corrections/{id}/approve: an optional note, kept on the approval. */
export const approveSchema = z.object({ note: z.string().trim().max(1000, "A note is at most 1,000 characters").optional() });

/** A distributor answers several of its exceptions that share one cause at once. */
export const bulkAnswerSchema = z.object({
  ids: z.array(z.uuid("Not an exception id")).min(1, "Select at least one exception").max(200, "At most 200 at a time"),
  cause: z.enum(EXCEPTION_REASONS, { error: "Choose the cause" }),
  body: z.preprocess(emptyToUndefined, z.string().trim().max(4000, "An answer is at most 4,000 characters").optional()),
});
export type BulkAnswerInput = z.infer<typeof bulkAnswerSchema>;

/** The answer text a bulk answer stores on each exception: the cause in words, then what the distributor wrote. */
export function bulkAnswerText(input: Pick<BulkAnswerInput, "cause" | "body">): string {
  return input.body ? `${REASON_LABELS[input.cause]}: ${input.body}` : REASON_LABELS[input.cause];
}
