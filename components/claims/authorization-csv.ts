/** The authorisations CSV import (lib/dal/claims/authorizations.ts `importAuthorizationsCsv`): its header and size limit. */
export const AUTHORIZATION_CSV_HEADER = [
  "number", "distributor", "end_customer_id", "end_customer_name", "sku", "authorized_cost", "min_resale",
  "quantity_limit", "valid_from", "valid_to", "currency", "claim_window_days",
] as const;

/** A row per authorisation: 5 MB is some 40,000 rows. */
export const AUTHORIZATION_CSV_MAX_BYTES = 5 * 1024 * 1024;
