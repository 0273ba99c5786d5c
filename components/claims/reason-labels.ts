import type { ReasonCode } from "@/lib/domain/claims/reasons";

/** A reason code in a few words, for a column or a filter; the line's sentence says the rest. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  AUTH_UNKNOWN: "Unknown authorisation",
  AUTH_NOT_YOURS: "Another distributor's authorisation",
  AUTH_EXPIRED: "Outside the validity",
  CUSTOMER_MISMATCH: "Other end customer",
  SKU_MISMATCH: "SKU not authorised",
  DUPLICATE: "Already claimed",
  WINDOW_CLOSED: "Claim window closed",
  NO_POS_SALE: "No reported sale",
  POS_CUSTOMER_MISMATCH: "Sold to another customer",
  BELOW_MIN_RESALE: "Below minimum resale",
  LIMIT_USED: "Limit used up",
  SOLD_USED: "Sale already claimed",
  NOTHING_TO_PAY: "Nothing to pay",
  OVER_LIMIT: "Cut to the limit",
  OVER_SOLD: "Cut to the quantity sold",
  BOOK_COST: "Book cost on record",
  AUTHORIZED_COST: "Authorised cost",
  AMOUNT: "Amount recomputed",
  OVERRIDE: "Rebate team decision",
};
