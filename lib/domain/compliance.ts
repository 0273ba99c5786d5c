/**
 * Reporting compliance per distributor × period (PRODUCT.md, "Periods, deadlines, compliance").
 * Deadlines have second precision: a submission anywhere inside the due second counts as on time.
 */

export const COMPLIANCE_STATUSES = ["pending", "on_time", "late", "missing", "incomplete"] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
export type Timeliness = "on_time" | "late";

export const DAY_MS = 86_400_000;

const second = (d: Date) => Math.floor(d.getTime() / 1000);

function assertDate(d: Date, name: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} must be a valid Date`);
}

/**
 * Judges the FIRST submission against the deadline.
 * - on time when submitted at or before dueAt (compared to the second), or within `graceDays`
 *   whole days (24 h each) after it; daysLate is then 0;
 * - otherwise late, with daysLate = started days after dueAt, i.e. ceil((submitted − dueAt) / 24 h),
 *   counted from dueAt even when grace days apply (grace 2, submitted 2½ days after due → 3 days late).
 */
export function timeliness(firstSubmittedAt: Date, dueAt: Date, graceDays = 0): { timeliness: Timeliness; daysLate: number } {
  assertDate(firstSubmittedAt, "firstSubmittedAt");
  assertDate(dueAt, "dueAt");
  if (!Number.isInteger(graceDays) || graceDays < 0) throw new RangeError(`graceDays must be a non-negative integer, got ${graceDays}`);
  const limit = second(dueAt) + (graceDays * DAY_MS) / 1000;
  if (second(firstSubmittedAt) <= limit) return { timeliness: "on_time", daysLate: 0 };
  return { timeliness: "late", daysLate: Math.ceil((firstSubmittedAt.getTime() - dueAt.getTime()) / DAY_MS) };
}

export type PeriodStatusInput = {
  now: Date;
  dueAt: Date;
  /** The first submission's time (resubmissions don't change timeliness), or null. */
  firstSubmittedAt: Date | null;
  /** SKUs with stock or sell-in left out of the latest submission. */
  missingSkus: number;
  graceDays?: number;
};

/**
 * Status of one distributor × period:
 * - nothing submitted: pending until the deadline (inclusive, to the second; grace days do not extend it), missing after;
 * - submitted with missingSkus > 0: incomplete (wins over on time / late);
 * - otherwise on_time or late, judged on the first submission.
 */
export function periodStatus(input: PeriodStatusInput): ComplianceStatus {
  const { now, dueAt, firstSubmittedAt, missingSkus, graceDays = 0 } = input;
  assertDate(now, "now");
  assertDate(dueAt, "dueAt");
  if (firstSubmittedAt === null) return second(now) <= second(dueAt) ? "pending" : "missing";
  if (missingSkus > 0) return "incomplete";
  return timeliness(firstSubmittedAt, dueAt, graceDays).timeliness;
}
