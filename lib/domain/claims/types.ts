/**
 * Ship & debit (PRODUCT.md "Ship & debit"): the shapes shared by the screen, files, the API and the
 * data layer. Money is carried as decimal strings or numbers rounded to cents; never summed as floats
 * in the database.
 */

/** A claim line as the distributor sent it (screen, CSV/XLSX, X12 844 or the API). */
export interface ClaimLineInput {
  /** Line number within the claim, 1-based, as the distributor counts it. */
  line: number;
  authorization: string;
  invoice: string;
  invoiceLine?: string | null;
  /** YYYY-MM-DD */
  shipDate: string;
  endCustomer: string;
  sku: string;
  quantity: number;
  bookCost: number;
  authorizedCost: number;
  claimedAmount: number;
}

export const CLAIM_OUTCOMES = ["approved", "adjusted", "rejected"] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

export const CLAIM_SOURCES = ["screen", "csv", "xlsx", "x12", "api"] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];

/** An authorisation as created by staff (screen, CSV or the API). */
export interface AuthorizationInput {
  number: string;
  distributor: string;
  endCustomer: { id?: string | null; name: string };
  sku: string;
  authorizedCost: number;
  minResale?: number | null;
  quantityLimit: number;
  validFrom: string;
  validTo: string;
  currency: string;
  claimWindowDays?: number;
}
