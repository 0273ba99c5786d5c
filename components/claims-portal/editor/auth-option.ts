/** An authorisation as the claim screen offers it (from the distributor's own `listAuthorizations`). */
export interface AuthOption {
  number: string;
  sku: string;
  endCustomer: string;
  /** Decimal text ("1.2694"). */
  authorizedCost: string;
  /** Book cost on record: authorised cost + debit per unit (decimal text). */
  bookCost: string;
  remainingQuantity: number;
  /** Claims may still be sent against it (its validity plus the claim window has not passed). */
  active: boolean;
  validTo: string;
}
