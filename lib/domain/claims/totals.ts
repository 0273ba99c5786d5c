/** A claim revision's totals, kept by the writes that validate or override its lines (money as strings of cents precision). */
export interface ClaimTotals {
  lines: number;
  quantity: number;
  claimed: string;
  approved: { lines: number; amount: string };
  adjusted: { lines: number; claimed: string; amount: string };
  rejected: { lines: number; claimed: string };
  /** approved + adjusted amounts: what the manufacturer pays. */
  payable: string;
}

export const EMPTY_TOTALS: ClaimTotals = {
  lines: 0,
  quantity: 0,
  claimed: "0.00",
  approved: { lines: 0, amount: "0.00" },
  adjusted: { lines: 0, claimed: "0.00", amount: "0.00" },
  rejected: { lines: 0, claimed: "0.00" },
  payable: "0.00",
};

/** Totals as stored (`{}` before validation) or complete. */
export function totalsOf(stored: unknown): ClaimTotals {
  const t = stored as Partial<ClaimTotals> | null;
  return t && typeof t.lines === "number" ? (t as ClaimTotals) : EMPTY_TOTALS;
}
