/**
 * The arithmetic of a ship & debit line, in integer cents and ten-thousandths so no float ever decides
 * a payment. The SQL statement that validates claims does the same in numeric; the screen uses this to
 * preview a line before it is sent.
 */

/** Cost per unit in ten-thousandths (numeric(14,4)). */
export const toMilliCents = (v: number) => Math.round(v * 10_000);

/** quantity × (book − authorised), rounded half away from zero to cents; never below zero. */
export function debitAmount(quantity: number, bookCost: number, authorizedCost: number): number {
  const perUnit = toMilliCents(bookCost) - toMilliCents(authorizedCost);
  if (perUnit <= 0 || quantity <= 0) return 0;
  const tenThousandths = quantity * perUnit;
  return Math.round(tenThousandths / 100) / 100;
}

/** Cents a claimed amount may differ from the computed one (rounding per unit on the partner's side). */
export const AMOUNT_ROUNDING = 0.01;

/** Is `claimed` the amount the line's figures give, within rounding (a cent per line)? */
export function amountMatches(claimed: number, quantity: number, bookCost: number, authorizedCost: number): boolean {
  return Math.abs(Math.round(claimed * 100) - Math.round(debitAmount(quantity, bookCost, authorizedCost) * 100)) <= AMOUNT_ROUNDING * 100;
}

/** Does a claimed book cost agree with the one on record within `tolerancePct` percent? */
export function bookCostMatches(claimed: number, onRecord: number, tolerancePct: number): boolean {
  return Math.abs(toMilliCents(claimed) - toMilliCents(onRecord)) * 100 <= toMilliCents(onRecord) * tolerancePct;
}
