/**
 * The answer to a claim as CSV for the distributor's payables: one row per line, with the outcome,
 * what was approved and why. Cells go through the app's CSV helper (`lib/http/csv.ts`), which quotes
 * and neutralises spreadsheet formulas (a message or invoice starting with = + - @ is prefixed).
 */
import { toCsv } from "@/lib/http/csv";
import type { ClaimAnswerLine } from "./types";

export const RESPONSE_CSV_HEADER = [
  "claim", "revision", "line", "authorization", "invoice", "invoice_line", "sku", "quantity", "claimed_amount", "outcome",
  "approved_quantity", "approved_amount", "reason_code", "message",
];

export interface ClaimCsvInput {
  /** `reference`: the distributor's claim number (used in the `claim` column when given, else `id`). */
  claim: { id: string; reference?: string | null; revision: number };
  lines: ClaimAnswerLine[];
}

const money = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

export function writeClaimCsv({ claim, lines }: ClaimCsvInput): string {
  const name = claim.reference?.trim() || claim.id;
  const rows = lines.map((l) => [
    name, claim.revision, l.line, l.authorization, l.invoice, l.invoiceLine ?? "", l.sku, l.quantity, money(l.claimedAmount), l.outcome,
    l.approvedQuantity, money(l.approvedAmount), l.reasonCode ?? "", l.message,
  ]);
  return toCsv(RESPONSE_CSV_HEADER, rows);
}
