/**
 * The domain's constant lists. The database's enum types are built from these (db/schema/enums.ts),
 * and validation and screens read them from here, so the two can never drift apart.
 */

export const ROLES = ["distributor", "channel_manager", "rebate_analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SUBMISSION_SOURCES = ["portal", "upload", "api"] as const;
export type SubmissionSource = (typeof SUBMISSION_SOURCES)[number];

export const TIMELINESS = ["on_time", "late"] as const;

export const EXCEPTION_STATUSES = ["open", "investigating", "resolved", "dismissed"] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export const EXCEPTION_REASONS = [
  "delayed_pos",
  "stock_transfer",
  "unprocessed_return",
  "damaged",
  "timing",
  "reporting_error",
  "other",
] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

export const CORRECTION_STATUSES = ["proposed", "approved", "rejected"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
