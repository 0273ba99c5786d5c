import type { ClaimLineView } from "@/lib/dal/claims/read-claims";
import type { ClaimBody } from "@/lib/validation/claims";
import { amountText, decimalSeparator, draftAmount, numberText, type LineDraft } from "./line-draft";

/**
 * A claim's latest revision as the correction screen starts it: the lines not approved as drafts
 * (what was sent, in the reader's number format, each keeping its line number), the approved lines
 * as they were sent, to be carried into the new revision unchanged.
 */
export function correctionDrafts(open: ClaimLineView[], approved: ClaimLineView[], locale: string): { drafts: LineDraft[]; carried: ClaimBody["lines"] } {
  const decimal = decimalSeparator(locale);
  const drafts = open.map((l): LineDraft => {
    const d: LineDraft = {
      line: l.line, authorization: l.authorization, invoice: l.invoice, invoiceLine: l.invoiceLine ?? "", shipDate: l.shipDate, endCustomer: l.endCustomer,
      sku: l.sku, quantity: String(l.quantity), bookCost: numberText(Number(l.bookCost), decimal), authorizedCost: numberText(Number(l.authorizedCost), decimal),
      claimedAmount: amountText(Number(l.claimedAmount), decimal),
    };
    const computed = draftAmount(d, decimal);
    return { ...d, amountByHand: computed === null || amountText(computed, decimal) !== d.claimedAmount };
  });
  const carried = approved.map((l) => ({
    line: l.line, authorization: l.authorization, invoice: l.invoice, invoiceLine: l.invoiceLine, shipDate: l.shipDate, endCustomer: l.endCustomer,
    sku: l.sku, quantity: l.quantity, bookCost: Number(l.bookCost), authorizedCost: Number(l.authorizedCost), claimedAmount: Number(l.claimedAmount),
  }));
  return { drafts, carried };
}
