import type { AuthorizationView } from "@/lib/dal/claims/authorizations";
import { DEFAULT_CURRENCY } from "@/lib/format/currencies";

/**
 * Claims carry no currency of their own: their lines' authorisations do. A claim is shown in its
 * distributor's authorisation currency when there is one; `mixed` when the distributor holds
 * authorisations in several (then each line shows its own).
 */
export interface ClaimCurrencies {
  /** Authorisation number (upper-case) → currency. */
  byNumber: Record<string, string>;
  /** Distributor code → its one currency, or "mixed". */
  byDistributor: Record<string, string>;
}

export function claimCurrencies(auths: AuthorizationView[]): ClaimCurrencies {
  const byNumber: Record<string, string> = {};
  const sets = new Map<string, Set<string>>();
  for (const a of auths) {
    byNumber[a.number.toUpperCase()] = a.currency;
    const s = sets.get(a.distributor) ?? new Set<string>();
    s.add(a.currency);
    sets.set(a.distributor, s);
  }
  const byDistributor: Record<string, string> = {};
  for (const [code, s] of sets) byDistributor[code] = s.size === 1 ? [...s][0]! : "mixed";
  return { byNumber, byDistributor };
}

/** The currency a distributor's claim totals are written in; null when its authorisations use several. */
export function currencyOfDistributor(c: ClaimCurrencies, code: string): string | null {
  const v = c.byDistributor[code];
  if (!v) return DEFAULT_CURRENCY;
  return v === "mixed" ? null : v;
}
