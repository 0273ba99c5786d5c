import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { correctionStatusEnum, exceptionReasonEnum, exceptionStatusEnum, movementTypeEnum } from "./enums";
import { distributors, users } from "./organisation";
import { products } from "./catalogue";

export const exceptions = pgTable(
  "exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    productId: integer("product_id").notNull().references(() => products.id),
    period: date("period").notNull(),
    status: exceptionStatusEnum("status").notNull().default("open"),
    reason: exceptionReasonEnum("reason"),
    ownerId: uuid("owner_id").references(() => users.id),
    gapAtOpen: integer("gap_at_open"),
    openedBy: uuid("opened_by").references(() => users.id),
    automatic: text("automatic"),
    /** What resolved it when the status is resolved: a correction, a revision, a sell-in load; null = by hand. */
    resolution: text("resolution"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Bumped by every change (status, reason, owner, notes, corrections): the ETag a PATCH's If-Match is checked against. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("exceptions_distributor_idx").on(t.distributorId, t.period),
    index("exceptions_status_idx").on(t.status),
    // One exception per distributor × product × period: automatic opening is idempotent, a second
    // hand-opened one leads to the first.
    uniqueIndex("exceptions_row_key").on(t.distributorId, t.productId, t.period),
  ],
);

/** Every change and note on an exception, append-only. Distributor answers are events too. */
export const exceptionEvents = pgTable(
  "exception_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    exceptionId: uuid("exception_id").notNull().references(() => exceptions.id),
    kind: text("kind").notNull(),
    body: text("body"),
    data: jsonb("data"),
    authorId: uuid("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: timestamps can tie (coarse clocks), the sequence cannot. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (t) => [index("exception_events_exception_idx").on(t.exceptionId, t.createdAt)],
);

/** A proposed signed correction; it becomes a ledger movement only when another staff user approves it. */
export const corrections = pgTable(
  "corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    exceptionId: uuid("exception_id").notNull().references(() => exceptions.id),
    type: movementTypeEnum("type").notNull(),
    /** What the proposer called it: adjustment, transfer, damage, count_correction, opening_balance. */
    kind: text("kind").notNull().default("adjustment"),
    quantity: integer("quantity").notNull(),
    reason: text("reason").notNull(),
    status: correctionStatusEnum("status").notNull().default("proposed"),
    proposedBy: uuid("proposed_by").notNull().references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [check("corrections_quantity_positive", sql`${t.quantity} > 0`), index("corrections_exception_idx").on(t.exceptionId)],
);
