import "server-only";
import type { AuthorizationView } from "@/lib/dal/claims/authorizations";
import { addPeriods, latestEndedPeriod } from "@/lib/domain/periods";
import { CLAIM_FIELDS, FIELD_LABELS, REQUIRED_FIELDS } from "@/lib/imports/claims/claim-columns";
import type { AuthOption } from "@/components/claims-portal/editor/auth-option";
import type { ClaimFieldInfo } from "@/components/claims-portal/upload/claim-fields";

/** The distributor's authorisations as the claim screen offers them: open ones first. */
export function authOptions(list: AuthorizationView[]): AuthOption[] {
  return list
    .map((a) => ({
      number: a.number, sku: a.sku, endCustomer: a.endCustomer.name, authorizedCost: a.authorizedCost,
      bookCost: String(Math.round((Number(a.authorizedCost) + Number(a.debitPerUnit)) * 10_000) / 10_000),
      remainingQuantity: a.remainingQuantity, active: a.active, validTo: a.validTo,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.number.localeCompare(b.number));
}

/** Periods a claim may be for: this month and the twelve before, newest first; the default is the latest ended one. */
export function claimPeriods(now: Date): { periods: string[]; latest: string } {
  const latest = latestEndedPeriod(now, "UTC");
  return { periods: Array.from({ length: 13 }, (_, i) => addPeriods(latest, 1 - i)), latest };
}

const LABEL = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The claim fields a file's columns can be mapped to, as the mapping step names them. */
export const CLAIM_FIELD_INFO: ClaimFieldInfo[] = CLAIM_FIELDS.map((field) => ({ field, label: LABEL(FIELD_LABELS[field]), required: REQUIRED_FIELDS.includes(field) }));
