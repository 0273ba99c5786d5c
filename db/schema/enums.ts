import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["distributor", "channel_manager", "rebate_analyst", "admin"]);

/** Unsigned quantities carry a type; the sign lives only in lib/domain/movements.ts. */
export const movementTypeEnum = pgEnum("movement_type", [
  "opening_balance",
  "sell_in",
  "sell_through",
  "customer_return",
  "return_to_vendor",
  "transfer_in",
  "transfer_out",
  "adjustment_in",
  "adjustment_out",
]);

export const submissionSourceEnum = pgEnum("submission_source", ["portal", "upload", "api"]);
export const timelinessEnum = pgEnum("timeliness", ["on_time", "late"]);

export const exceptionStatusEnum = pgEnum("exception_status", ["open", "investigating", "resolved", "dismissed"]);
export const exceptionReasonEnum = pgEnum("exception_reason", [
  "delayed_pos",
  "stock_transfer",
  "unprocessed_return",
  "damaged",
  "timing",
  "reporting_error",
  "other",
]);
export const correctionStatusEnum = pgEnum("correction_status", ["proposed", "approved", "rejected"]);
