/**
 * The data-quality score of a revision (PRODUCT.md, "Trust at the point of entry"): 0–100, the plain
 * average of four parts, each 0–100 and rounded to a whole number, so a distributor can predict it:
 *
 * - completeness — SKUs with stock or sell-in this period that the report lists, as % of them
 *   (100 when there are none);
 * - plausibility — lines without an `impossible` or `outlier` flag, as % of lines;
 * - agreement    — lines without an `out_of_tolerance` flag, as % of lines;
 * - freshness    — lines without a `stale_prefill` or `not_in_file` flag, as % of lines, minus 10
 *   points per day the period's first submission was late (never below 0).
 *
 * A confirmation with a reason does not change the score: the number still disagrees; the reason
 * tells the manufacturer why. A report without lines scores 100 on the line parts.
 */
import type { CheckKind, RowFlag } from "./submission-checks";

export const QUALITY_PARTS = ["completeness", "plausibility", "agreement", "freshness"] as const;
export type QualityPart = (typeof QUALITY_PARTS)[number];
export type QualityParts = Record<QualityPart, number>;
export type Quality = { score: number; parts: QualityParts };

export const QUALITY_PART_LABELS: Readonly<Record<QualityPart, string>> = {
  completeness: "Completeness",
  plausibility: "Plausibility",
  agreement: "Agreement with our calculation",
  freshness: "Freshness",
};

/** Points freshness loses per day late. */
export const LATE_DAY_PENALTY = 10;

const PART_KINDS: Readonly<Record<Exclude<QualityPart, "completeness">, readonly CheckKind[]>> = {
  plausibility: ["impossible", "outlier"],
  agreement: ["out_of_tolerance"],
  freshness: ["stale_prefill", "not_in_file"],
};

export type QualityInput = {
  /** Lines in the report. */
  lines: number;
  /** SKUs with stock or sell-in in the period, and how many of them the report lists. */
  required: number;
  requiredListed: number;
  flags: readonly RowFlag[];
  /** Days the period's first submission was late (0 when on time). */
  daysLate: number;
};

function share(good: number, all: number): number {
  return all <= 0 ? 100 : Math.round((100 * Math.max(0, good)) / all);
}

function flaggedRows(flags: readonly RowFlag[], kinds: readonly CheckKind[]): number {
  return new Set(flags.filter((f) => kinds.includes(f.kind)).map((f) => f.sku.toUpperCase())).size;
}

export function qualityScore(input: QualityInput): Quality {
  if (input.lines < 0 || input.required < 0 || input.requiredListed < 0 || input.daysLate < 0) throw new RangeError("qualityScore: counts must not be negative");
  const parts: QualityParts = {
    completeness: share(Math.min(input.requiredListed, input.required), input.required),
    plausibility: share(input.lines - flaggedRows(input.flags, PART_KINDS.plausibility), input.lines),
    agreement: share(input.lines - flaggedRows(input.flags, PART_KINDS.agreement), input.lines),
    freshness: Math.max(0, share(input.lines - flaggedRows(input.flags, PART_KINDS.freshness), input.lines) - LATE_DAY_PENALTY * input.daysLate),
  };
  const score = Math.round(QUALITY_PARTS.reduce((a, p) => a + parts[p], 0) / QUALITY_PARTS.length);
  return { score, parts };
}
