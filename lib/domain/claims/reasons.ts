/**
 * Reason codes of a validated claim line, each with the sentence a distributor can act on. The rules
 * themselves run as one set-based SQL statement (lib/dal/claims/validate-claim.ts); the facts a
 * sentence needs are stored with the line (ref quantity, ref cost, ref amount) so the sentence is
 * written when it is read, in the reader's format.
 */
import type { ClaimOutcome } from "./types";

export const REJECT_REASONS = [
  "AUTH_UNKNOWN",
  "AUTH_NOT_YOURS",
  "AUTH_EXPIRED",
  "CUSTOMER_MISMATCH",
  "SKU_MISMATCH",
  "DUPLICATE",
  "WINDOW_CLOSED",
  "NO_POS_SALE",
  "POS_CUSTOMER_MISMATCH",
  "BELOW_MIN_RESALE",
  "LIMIT_USED",
  "SOLD_USED",
  "NOTHING_TO_PAY",
] as const;

export const ADJUST_REASONS = ["OVER_LIMIT", "OVER_SOLD", "BOOK_COST", "AUTHORIZED_COST", "AMOUNT"] as const;

export const OVERRIDE_REASON = "OVERRIDE" as const;

export type RejectReason = (typeof REJECT_REASONS)[number];
export type AdjustReason = (typeof ADJUST_REASONS)[number];
export type ReasonCode = RejectReason | AdjustReason | typeof OVERRIDE_REASON;

export const REASON_CODES: readonly ReasonCode[] = [...REJECT_REASONS, ...ADJUST_REASONS, OVERRIDE_REASON];

/** X12 849 claim-line adjustment reason (element 3 of the SAC/… a partner's system reads). */
export const REASON_X12: Record<ReasonCode, string> = {
  AUTH_UNKNOWN: "A1",
  AUTH_NOT_YOURS: "A2",
  AUTH_EXPIRED: "A3",
  CUSTOMER_MISMATCH: "C1",
  SKU_MISMATCH: "P1",
  DUPLICATE: "D1",
  WINDOW_CLOSED: "W1",
  NO_POS_SALE: "S1",
  POS_CUSTOMER_MISMATCH: "S2",
  BELOW_MIN_RESALE: "S3",
  LIMIT_USED: "Q1",
  SOLD_USED: "Q2",
  NOTHING_TO_PAY: "M3",
  OVER_LIMIT: "Q3",
  OVER_SOLD: "Q4",
  BOOK_COST: "M1",
  AUTHORIZED_COST: "M2",
  AMOUNT: "M4",
  OVERRIDE: "O1",
};

export function isReasonCode(v: string): v is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(v);
}

export function outcomeOfReason(code: ReasonCode | null): ClaimOutcome {
  if (code == null) return "approved";
  if ((REJECT_REASONS as readonly string[]).includes(code)) return "rejected";
  if (code === OVERRIDE_REASON) return "approved";
  return "adjusted";
}

/** What a sentence may name: the line's own figures and the facts stored with it. */
export interface ReasonFacts {
  authorization: string;
  invoice: string;
  sku: string;
  shipDate: string;
  quantity: number;
  approvedQuantity: number;
  claimedAmount: number;
  approvedAmount: number;
  /** The remaining authorised or sold quantity, or the days of the claim window. */
  refQuantity: number | null;
  /** Book cost on record, the authorisation's cost, or its minimum resale price. */
  refCost: number | null;
  /** The amount the line's figures give. */
  refAmount: number | null;
  /** Validity of the authorisation, when the sentence needs it. */
  validFrom?: string | null;
  validTo?: string | null;
}

export interface ReasonFormat {
  qty: (n: number) => string;
  money: (n: number) => string;
  date: (iso: string) => string;
}

const PLAIN: ReasonFormat = {
  qty: (n) => n.toLocaleString("en-US"),
  money: (n) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
  date: (d) => d,
};

/** The sentence for a line's reason: what was found and what to do about it. */
export function reasonMessage(code: ReasonCode | null, f: ReasonFacts, fmt: ReasonFormat = PLAIN): string {
  const q = fmt.qty;
  const m = fmt.money;
  const rq = f.refQuantity ?? 0;
  const rc = f.refCost ?? 0;
  switch (code) {
    case null:
      return "Approved as claimed.";
    case "AUTH_UNKNOWN":
      return `No authorisation ${f.authorization} exists. Check the number on the authorisation letter.`;
    case "AUTH_NOT_YOURS":
      return `Authorisation ${f.authorization} was not issued to you. Claim only against your own authorisations.`;
    case "AUTH_EXPIRED":
      return `Authorisation ${f.authorization} was not valid on the ship date ${fmt.date(f.shipDate)}${
        f.validFrom && f.validTo ? ` (valid ${fmt.date(f.validFrom)} to ${fmt.date(f.validTo)})` : ""
      }.`;
    case "CUSTOMER_MISMATCH":
      return `The end customer on the line is not the one authorisation ${f.authorization} names.`;
    case "SKU_MISMATCH":
      return `Authorisation ${f.authorization} does not cover ${f.sku}.`;
    case "DUPLICATE":
      return `Invoice ${f.invoice} for ${f.sku} has already been claimed. A line is paid once.`;
    case "WINDOW_CLOSED":
      return `Claimed after the ${q(rq)}-day claim window that followed the ship date ${fmt.date(f.shipDate)}.`;
    case "NO_POS_SALE":
      return `No reported sale of ${f.sku} on invoice ${f.invoice}. Report the sale in your POS for its period, then resubmit the line.`;
    case "POS_CUSTOMER_MISMATCH":
      return `Your POS shows invoice ${f.invoice} for ${f.sku} sold to another end customer than the authorisation's.`;
    case "BELOW_MIN_RESALE":
      return `Your POS shows ${f.sku} resold below the authorised minimum resale price ${m(rc)}.`;
    case "LIMIT_USED":
      return `Authorisation ${f.authorization}'s quantity limit is used up by earlier claims.`;
    case "SOLD_USED":
      return `The quantity sold on invoice ${f.invoice} for ${f.sku} is already claimed in full.`;
    case "NOTHING_TO_PAY":
      return `Book cost ${m(rc)} is not above the authorised cost: nothing is owed on this line.`;
    case "OVER_LIMIT":
      return `Cut to ${q(f.approvedQuantity)} of ${q(f.quantity)}: only ${q(rq)} remained within authorisation ${f.authorization}'s limit.`;
    case "OVER_SOLD":
      return `Cut to ${q(f.approvedQuantity)} of ${q(f.quantity)}: your POS reports ${q(rq)} not yet claimed on invoice ${f.invoice}.`;
    case "BOOK_COST":
      return `Book cost differs from the ${m(rc)} on record beyond the tolerance; the amount is computed at ${m(rc)}: ${m(f.approvedAmount)}.`;
    case "AUTHORIZED_COST":
      return `Authorised cost differs from authorisation ${f.authorization}'s ${m(rc)}; the amount is computed at ${m(rc)}: ${m(f.approvedAmount)}.`;
    case "AMOUNT":
      return `Claimed ${m(f.claimedAmount)}, but quantity × (book − authorised) is ${m(f.refAmount ?? f.approvedAmount)}; approved ${m(f.approvedAmount)}.`;
    case "OVERRIDE":
      return `Decided by the rebate team: ${q(f.approvedQuantity)} units, ${m(f.approvedAmount)}.`;
  }
}
