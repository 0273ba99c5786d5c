/**
 * A claim as the API answers it (API.md "Ship & debit"): `{ id, period, status, revision, lines, totals }`
 * and, added, the distributor, reference, revisions and per line what the partner sent and any waiting
 * override. Money is decimal text ("890.00"; costs up to 4 decimals), never a float.
 */
import type { ClaimDetail } from "@/lib/dal/claims/read-claims";

/** `staff`: what a waiting override proposes (the manufacturer's own four-eyes step) is shown to staff only; its count to everyone. */
export function claimJson(c: ClaimDetail, staff: boolean) {
  return {
    id: c.id,
    distributor: c.distributor,
    period: c.period,
    reference: c.reference,
    status: c.status,
    revision: c.revision,
    submittedAt: c.submittedAt,
    source: c.source,
    fileName: c.fileName,
    pendingOverrides: c.pendingOverrides,
    totals: c.totals,
    revisions: c.revisions.map((r) => ({ revision: r.revision, submittedAt: r.submittedAt, source: r.source, totals: r.totals })),
    lineCount: c.lineTotal,
    lines: c.lines.map((l) => ({
      line: l.line, authorization: l.authorization, invoice: l.invoice, invoiceLine: l.invoiceLine, shipDate: l.shipDate, endCustomer: l.endCustomer,
      sku: l.sku, quantity: l.quantity, bookCost: l.bookCost, authorizedCost: l.authorizedCost, claimedAmount: l.claimedAmount,
      outcome: l.outcome, approvedQuantity: l.approvedQuantity, approvedAmount: l.approvedAmount, reasonCode: l.reasonCode, message: l.message,
      ruleOutcome: l.ruleOutcome, ruleReasonCode: l.ruleReasonCode,
      pendingOverride: staff && l.pendingOverride ? { id: l.pendingOverride.id, outcome: l.pendingOverride.outcome, approvedQuantity: l.pendingOverride.approvedQuantity, approvedAmount: l.pendingOverride.approvedAmount, note: l.pendingOverride.note, proposedBy: l.pendingOverride.proposedBy, proposedAt: l.pendingOverride.proposedAt } : null,
    })),
  };
}

export type ClaimJson = ReturnType<typeof claimJson>;
