import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { distributors, users } from "./organisation";
import { products } from "./catalogue";

/**
 * Ship & debit authorisations (PRODUCT.md "Ship & debit"): the manufacturer lets one distributor sell a
 * SKU to one named end customer at `authorized_cost`, up to `quantity_limit` units shipped between
 * `valid_from` and `valid_to`; claims are accepted for `claim_window_days` after each ship date.
 */
export const sdAuthorizations = pgTable(
  "sd_authorizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    endCustomerId: text("end_customer_id"),
    endCustomerName: text("end_customer_name").notNull(),
    productId: integer("product_id").notNull().references(() => products.id),
    authorizedCost: numeric("authorized_cost", { precision: 14, scale: 4 }).notNull(),
    minResale: numeric("min_resale", { precision: 14, scale: 4 }),
    quantityLimit: integer("quantity_limit").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    currency: text("currency").notNull().default("USD"),
    claimWindowDays: integer("claim_window_days").notNull().default(90),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("sd_authorizations_number_key").on(sql`upper(${t.number})`),
    index("sd_authorizations_distributor_idx").on(t.distributorId),
    check("sd_authorizations_limit_positive", sql`${t.quantityLimit} > 0`),
    check("sd_authorizations_cost_non_negative", sql`${t.authorizedCost} >= 0`),
    check("sd_authorizations_validity", sql`${t.validTo} >= ${t.validFrom}`),
    check("sd_authorizations_window", sql`${t.claimWindowDays} between 0 and 3660`),
    check("sd_authorizations_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** A distributor's claim for a period; each resubmission is a new revision (history kept). */
export const claims = pgTable(
  "claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    period: date("period").notNull(),
    /** The distributor's own claim number (844 BGN02 / CSV / API), when it gives one. */
    reference: text("reference"),
    latestRevision: integer("latest_revision").notNull(),
    latestRevisionId: uuid("latest_revision_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").notNull().references(() => users.id),
  },
  (t) => [index("claims_distributor_period_idx").on(t.distributorId, t.period)],
);

/** One stored version of a claim with its totals; lines are validated when the revision is stored. */
export const claimRevisions = pgTable(
  "claim_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id").notNull().references(() => claims.id),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    revision: integer("revision").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: uuid("submitted_by").notNull().references(() => users.id),
    source: text("source").notNull(),
    fileName: text("file_name"),
    lineCount: integer("line_count").notNull(),
    /** Kept by the writes (validation, overrides): `ClaimTotals` of lib/domain/claims/totals.ts. */
    totals: jsonb("totals").notNull().default({}),
  },
  (t) => [uniqueIndex("claim_revisions_key").on(t.claimId, t.revision)],
);

/**
 * A claim line as sent and as validated. The outcome columns change only by an applied override
 * (claim_overrides); `ref_*` are the facts the reason's sentence names (lib/domain/claims/reasons.ts).
 */
export const claimLines = pgTable(
  "claim_lines",
  {
    revisionId: uuid("revision_id").notNull().references(() => claimRevisions.id),
    lineNo: integer("line_no").notNull(),
    distributorId: integer("distributor_id").notNull(),
    authorizationNumber: text("authorization_number").notNull(),
    authorizationId: uuid("authorization_id"),
    invoice: text("invoice").notNull(),
    invoiceLine: text("invoice_line"),
    shipDate: date("ship_date").notNull(),
    endCustomer: text("end_customer").notNull(),
    sku: text("sku").notNull(),
    productId: integer("product_id"),
    quantity: integer("quantity").notNull(),
    bookCost: numeric("book_cost", { precision: 14, scale: 4 }).notNull(),
    authorizedCost: numeric("authorized_cost", { precision: 14, scale: 4 }).notNull(),
    claimedAmount: numeric("claimed_amount", { precision: 14, scale: 2 }).notNull(),
    /** Null only inside the transaction that stores the revision, between insert and validation. */
    outcome: text("outcome"),
    approvedQuantity: integer("approved_quantity"),
    approvedAmount: numeric("approved_amount", { precision: 14, scale: 2 }),
    reasonCode: text("reason_code"),
    refQuantity: integer("ref_quantity"),
    refCost: numeric("ref_cost", { precision: 14, scale: 4 }),
    refAmount: numeric("ref_amount", { precision: 14, scale: 2 }),
    /** The rule's own outcome before an override replaced it. */
    ruleOutcome: text("rule_outcome"),
    ruleReasonCode: text("rule_reason_code"),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.lineNo] }),
    index("claim_lines_authorization_idx").on(t.authorizationId),
    index("claim_lines_invoice_idx").on(t.distributorId, sql`upper(${t.invoice})`, t.productId),
    check("claim_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("claim_lines_outcome", sql`${t.outcome} in ('approved', 'adjusted', 'rejected')`),
  ],
);

/**
 * The rebate team's decision over a line's rule outcome, with a note. Above the settings' override
 * limit it waits for a second staff member (as corrections do); otherwise it applies at once.
 */
export const claimOverrides = pgTable(
  "claim_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    revisionId: uuid("revision_id").notNull().references(() => claimRevisions.id),
    lineNo: integer("line_no").notNull(),
    distributorId: integer("distributor_id").notNull(),
    outcome: text("outcome").notNull(),
    approvedQuantity: integer("approved_quantity").notNull(),
    approvedAmount: numeric("approved_amount", { precision: 14, scale: 2 }).notNull(),
    note: text("note").notNull(),
    status: text("status").notNull().default("proposed"),
    proposedBy: uuid("proposed_by").notNull().references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("claim_overrides_line_idx").on(t.revisionId, t.lineNo),
    check("claim_overrides_status", sql`${t.status} in ('proposed', 'applied', 'rejected', 'withdrawn')`),
    check("claim_overrides_outcome", sql`${t.outcome} in ('approved', 'adjusted', 'rejected')`),
    check("claim_overrides_quantity", sql`${t.approvedQuantity} >= 0 and ${t.approvedAmount} >= 0`),
  ],
);
