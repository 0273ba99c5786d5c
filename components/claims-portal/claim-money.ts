/**
 * The currency claims are shown in. Claim lines carry no currency of their own: they are paid in the
 * authorisations' currency, which the manufacturer issues in USD unless it says otherwise.
 */
export const CLAIM_CURRENCY = "USD";
