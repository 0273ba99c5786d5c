import { boolean, date, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { distributors, users } from "./organisation";

export const rebatePrograms = pgTable("rebate_programs", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  fromPeriod: date("from_period").notNull(),
  toPeriod: date("to_period").notNull(),
  graceDays: integer("grace_days").notNull().default(0),
  lateAllowed: integer("late_allowed").notNull().default(0),
  minCompletenessPct: numeric("min_completeness_pct", { precision: 5, scale: 2 }).notNull().default("95"),
  maxAccuracyPct: numeric("max_accuracy_pct", { precision: 5, scale: 2 }).notNull().default("2"),
  ratePct: numeric("rate_pct", { precision: 5, scale: 2 }).notNull().default("1"),
  /** The quality rule: every reported period's latest revision scores at least this (0–100); null = no such rule. */
  minQualityScore: smallint("min_quality_score"),
  /** ISO 4217 currency of the programme's money (rebate amounts, sales value). */
  currency: text("currency").notNull().default("USD"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid("created_by").references(() => users.id),
  /** Bumped by every edit: the ETag a PATCH's If-Match is checked against. */
  version: integer("version").notNull().default(1),
});

/** A frozen eligibility result: never recomputed; later data changes are flagged against it. */
export const rebateResults = pgTable(
  "rebate_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull().references(() => rebatePrograms.id),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    eligible: boolean("eligible").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    reasons: jsonb("reasons").notNull(),
    inputs: jsonb("inputs").notNull(),
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
    frozenBy: uuid("frozen_by").notNull().references(() => users.id),
  },
  (t) => [uniqueIndex("rebate_results_key").on(t.programId, t.distributorId)],
);
