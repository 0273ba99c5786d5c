import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { movementTypeEnum } from "./enums";
import { distributors, users } from "./organisation";
import { products } from "./catalogue";

/**
 * Manufacturer-side ledger movements: sell-in shipments loaded from the ERP (document + line),
 * opening balances and approved corrections. Quantities are unsigned; the type gives the sign.
 * Distributor-reported sell-through and returns live with the submission revisions.
 */
export const movements = pgTable(
  "movements",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    productId: integer("product_id").notNull().references(() => products.id),
    period: date("period").notNull(),
    type: movementTypeEnum("type").notNull(),
    quantity: integer("quantity").notNull(),
    occurredOn: date("occurred_on"),
    document: text("document"),
    documentLine: text("document_line"),
    /** Sell-in: the distributor's cost per unit on this shipment (book cost for ship & debit), when the load gives it. */
    unitCost: numeric("unit_cost", { precision: 14, scale: 4 }),
    correctionId: uuid("correction_id"),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    check("movements_quantity_positive", sql`${t.quantity} > 0`),
    uniqueIndex("movements_document_line_key")
      .on(t.document, t.documentLine)
      .where(sql`${t.document} is not null`),
    index("movements_dist_period_idx").on(t.distributorId, t.period, t.productId),
  ],
);

/**
 * The ledger, maintained: one row per distributor × product × period from the first activity on.
 * Recomputed with window functions (lib/dal/ledger) for the affected scope whenever its inputs change.
 */
export const ledgerBalances = pgTable(
  "ledger_balances",
  {
    distributorId: integer("distributor_id").notNull(),
    productId: integer("product_id").notNull(),
    period: date("period").notNull(),
    opening: integer("opening").notNull(),
    sellIn: integer("sell_in").notNull(),
    sellThrough: integer("sell_through").notNull(),
    returns: integer("returns").notNull(),
    adjustments: integer("adjustments").notNull(),
    calculated: integer("calculated").notNull(),
    reported: integer("reported"),
    gap: integer("gap"),
    gapPct: numeric("gap_pct", { precision: 12, scale: 2 }),
    newGap: integer("new_gap"),
    weeksOfSupply: numeric("weeks_of_supply", { precision: 12, scale: 1 }),
    sellThrough3: integer("sell_through_3").notNull(),
    sellIn3: integer("sell_in_3").notNull(),
    sellThroughPrior3: integer("sell_through_prior_3").notNull(),
    flags: text("flags").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.distributorId, t.productId, t.period] }),
    // No (period, distributor) or (period, |gap|) index: the totals index below starts with the first and
    // the keyset index with the second; every index here is paid for by each ledger row a write rewrites.
    // Keyset order of the gap view's default sort (|gap| desc, nulls last) and of "gap % desc":
    // the expressions match lib/dal/gaps/gap-sql.ts exactly, so a first page is an index range scan.
    index("ledger_balances_gap_keyset_idx").on(t.period, sql`coalesce(abs(${t.gap}), -1) desc`, t.distributorId, t.productId),
    index("ledger_balances_gap_pct_keyset_idx").on(
      t.period,
      sql`coalesce(${t.gapPct}, -1000000000000) desc`,
      t.distributorId,
      t.productId,
    ),
    // Covers the gap view's filters, sort keys and totals, so Σ over a whole filtered period and the sorts
    // without an index of their own are index-only scans: a period's rows are spread over the whole heap
    // (the ledger is rewritten per distributor), so a heap scan of one period reads nearly every page.
    index("ledger_balances_gap_totals_idx").on(
      t.period,
      t.distributorId,
      t.productId,
      t.opening,
      t.sellIn,
      t.sellThrough,
      t.returns,
      t.adjustments,
      t.calculated,
      t.reported,
      t.gap,
      t.gapPct,
      t.newGap,
      t.weeksOfSupply,
      t.flags,
    ),
  ],
);

/**
 * The periods the month roll has built (lib/dal/ledger/roll-ledger.ts): every distributor × product
 * with a history has a row in each of them. Writes keep the rows they change up to date; the roll
 * carries the others into a new month once it has ended. No tenant data: no row-level security.
 */
export const ledgerPeriods = pgTable("ledger_periods", {
  period: date("period").primaryKey(),
  builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
  rowsWritten: integer("rows_written").notNull(),
  ms: integer("ms").notNull(),
});
