/**
 * Submission schemas shared by the grid (react-hook-form `zodResolver(submissionBodySchema)`), the
 * server action and the REST API (`POST /api/v1/submissions/{period}`). Pure: no I/O.
 *
 * - `submissionBodySchema`   `{ baseRevision: int ≥ 1 | null, uploadId?: uuid, lines: [{ sku, sold, returned, onHand, note?, confirm?: { reason, note? } }] }`
 *                             Issue paths are `lines.3.sold`, `lines.3.sku`, `baseRevision`, `uploadId`.
 * - `parseSubmissionBody(raw)` → `{ success: true, data } | { success: false, issues }` where each issue's
 *                             message also names the SKU ("MCU-1000: Sold cannot be negative").
 * - `saveDraftSchema`         the body of a draft save: `{ period, version, baseRevision?, cells }` (a patch).
 * - `parseUnitsText(text)`    what a grid cell accepts: "1234", "1,234", "1.234", "1 234" → 1234.
 */
import { z } from "zod";
import type { Issue } from "@/lib/errors";
import { CONFIRM_REASONS } from "@/lib/domain/submission-checks";
import { MAX_UNITS, periodSchema, skuSchema, unitsSchema } from "./common";

export const MAX_SUBMISSION_LINES = 20_000;
export const NOTE_MAX_LENGTH = 500;

export const SUBMISSION_FIELDS = ["sold", "returned", "onHand"] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];
export const FIELD_LABELS: Readonly<Record<SubmissionField | "note" | "sku", string>> = {
  sku: "SKU",
  sold: "Sold",
  returned: "Returned",
  onHand: "On hand",
  note: "Note",
};

/** An optional note; blank becomes undefined. */
export const noteSchema = z
  .string({ error: "Note must be text" })
  .trim()
  .max(NOTE_MAX_LENGTH, `Note is at most ${NOTE_MAX_LENGTH} characters`)
  .nullish()
  .transform((s) => (s ? s : undefined));

/** "Confirm as reported" on a flagged line: a reason and an optional note (lib/domain/submission-checks). */
export const confirmSchema = z.object({
  reason: z.enum(CONFIRM_REASONS, { error: `confirm.reason is one of ${CONFIRM_REASONS.join(", ")}` }),
  note: noteSchema,
});

export const submissionLineSchema = z.object({
  sku: skuSchema,
  sold: unitsSchema(FIELD_LABELS.sold),
  returned: unitsSchema(FIELD_LABELS.returned),
  onHand: unitsSchema(FIELD_LABELS.onHand),
  note: noteSchema,
  confirm: confirmSchema.nullish().transform((c) => c ?? undefined),
});

/** Case-insensitive: "mcu-1000" and "MCU-1000" are the same SKU in one body. */
const skuKey = (s: string) => s.trim().toUpperCase();

export const submissionLinesSchema = z
  .array(submissionLineSchema, { error: "lines must be a list" })
  .min(1, "Add at least one line")
  .max(MAX_SUBMISSION_LINES, `At most ${MAX_SUBMISSION_LINES.toLocaleString("en-US")} lines per submission`)
  .superRefine(
    (lines, ctx) => {
      // Runs even when some lines failed (when: always), so duplicates are reported with the rest.
      if (!Array.isArray(lines)) return;
      const first = new Map<string, number>();
      lines.forEach((line, i) => {
        const sku = (line as { sku?: unknown } | null)?.sku;
        if (typeof sku !== "string" || !sku.trim()) return;
        const key = skuKey(sku);
        const seen = first.get(key);
        if (seen === undefined) first.set(key, i);
        else ctx.addIssue({ code: "custom", path: [i, "sku"], message: `SKU ${sku.trim()} appears more than once (also on line ${seen + 1})` });
      });
    },
    { when: () => true },
  );

export const submissionBodySchema = z.object({
  baseRevision: z
    .number({ error: "baseRevision is the revision you started from, or null for the first submission" })
    .int("baseRevision must be a whole number")
    .min(1, "baseRevision starts at 1")
    .nullable(),
  uploadId: z.uuid("uploadId must be the id returned by the upload").optional(),
  lines: submissionLinesSchema,
});

export type SubmissionLineInput = z.input<typeof submissionLineSchema>;
export type SubmissionLine = z.output<typeof submissionLineSchema>;
export type SubmissionBodyInput = z.input<typeof submissionBodySchema>;
export type SubmissionBody = z.output<typeof submissionBodySchema>;

/**
 * Zod issues → the API's `{ path, message }`, with the SKU named in line messages
 * ("lines.3.sold" → "MCU-1000: Sold cannot be negative").
 */
export function submissionIssues(error: z.ZodError, raw: unknown): Issue[] {
  const lines = (raw as { lines?: unknown } | null)?.lines;
  return error.issues.map((i) => {
    const path = i.path.join(".");
    let message = i.message;
    if (i.path[0] === "lines" && typeof i.path[1] === "number" && i.path[2] !== "sku" && Array.isArray(lines)) {
      const sku = (lines[i.path[1]] as { sku?: unknown } | null)?.sku;
      message = typeof sku === "string" && sku.trim() ? `${sku.trim()}: ${message}` : `Line ${i.path[1] + 1}: ${message}`;
    }
    return { path, message };
  });
}

export type ParsedSubmission = { success: true; data: SubmissionBody } | { success: false; issues: Issue[] };

/** Parses a submission body with the shared schema; issues name the SKU and the field. */
export function parseSubmissionBody(raw: unknown): ParsedSubmission {
  const r = submissionBodySchema.safeParse(raw);
  return r.success ? { success: true, data: r.data } : { success: false, issues: submissionIssues(r.error, raw) };
}

/** `Idempotency-Key`: 1–200 visible ASCII characters (a UUID is typical). */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, "Idempotency-Key is empty")
  .max(200, "Idempotency-Key is at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key uses visible ASCII characters only");

/** Query of `GET /api/v1/submissions/{period}` (and /revisions): staff name a distributor. */
export const submissionQuerySchema = z.object({
  period: periodSchema,
  distributor: z.string().trim().min(1).max(12).optional(),
});

// ---------------------------------------------------------------------------------------------
// Drafts: what a distributor is typing, saved as they type. A draft keeps what was typed even when
// it is not (yet) valid — a negative or fractional number, or raw text such as "12a" — so nothing
// typed is lost; the submission schema above judges it at submit.

/** One typed cell: a finite number, or the raw text when it did not parse. */
export const draftValueSchema = z.union([
  z.number().finite().min(-1e15).max(1e15),
  z.string().max(40, "A cell holds at most 40 characters"),
]);
export type DraftValue = z.infer<typeof draftValueSchema>;

/** The edits of one SKU. In a save, `null` clears that edit (the cell reverts to the prefill). */
export const draftCellPatchSchema = z
  .object({
    sold: draftValueSchema.nullable().optional(),
    returned: draftValueSchema.nullable().optional(),
    onHand: draftValueSchema.nullable().optional(),
    note: z.string().max(NOTE_MAX_LENGTH, `Note is at most ${NOTE_MAX_LENGTH} characters`).nullable().optional(),
  })
  .strict();
export type DraftCellPatch = z.infer<typeof draftCellPatchSchema>;

/** Draft cells as read back: only the edited fields of each SKU. */
export type DraftCell = { sold?: DraftValue; returned?: DraftValue; onHand?: DraftValue; note?: string };
export type DraftCells = Record<string, DraftCell>;
export const DRAFT_FIELDS = ["sold", "returned", "onHand", "note"] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** A save: the cells changed since `version` (a SKU mapped to null drops all its edits). */
export const draftCellsPatchSchema = z
  .record(z.string().min(1, "SKU is required").max(64, "SKU is at most 64 characters"), draftCellPatchSchema.nullable())
  .refine((cells) => Object.keys(cells).length <= MAX_SUBMISSION_LINES, `At most ${MAX_SUBMISSION_LINES} SKUs in a draft`);

export const saveDraftSchema = z.object({
  period: periodSchema,
  /** The draft version the client last saw; 0 when it has seen none. */
  version: z.number().int().min(0),
  /** The revision the grid was showing (null when nothing was submitted); checked when given. */
  baseRevision: z.number().int().min(1).nullable().optional(),
  cells: draftCellsPatchSchema,
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;

// ---------------------------------------------------------------------------------------------

/**
 * What a quantity cell accepts: a plain integer, or one with thousands separators
 * (",", ".", "'", spaces, NBSP, thin spaces) in groups of three. Returns a number (possibly
 * fractional or negative, for the schema to reject with a message), or null when it is not a number.
 */
export function parseUnitsText(text: string): number | null {
  const s = text.trim().replace(/^\u2212/, "-");
  if (s === "") return null;
  if (/^[-+]?\d+$/.test(s)) return Number(s);
  const grouped = /^([-+]?)(\d{1,3})((?:([,.'\u00a0\u202f\u2009 ])\d{3})(?:\4\d{3})*)$/.exec(s);
  if (grouped) return Number(grouped[1] + grouped[2] + grouped[3]!.replace(/\D/g, ""));
  if (/^[-+]?\d*[.,]\d+$/.test(s)) return Number(s.replace(",", "."));
  return null;
}

export { MAX_UNITS };
