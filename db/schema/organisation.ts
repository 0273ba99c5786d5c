import { sql } from "drizzle-orm";
import { boolean, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, check, index, numeric } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";

/** One row: the manufacturer's settings (deadline rules, thresholds). */
export const settings = pgTable(
  "settings",
  {
    id: smallint("id").primaryKey().default(1),
    manufacturerName: text("manufacturer_name").notNull().default("Halcyon Semiconductor"),
    timeZone: text("time_zone").notNull().default("UTC"),
    dueDay: smallint("due_day").notNull().default(10),
    graceDays: smallint("grace_days").notNull().default(0),
    excessWeeks: integer("excess_weeks").notNull().default(12),
    gapUnitsThreshold: integer("gap_units_threshold").notNull().default(50),
    gapPctThreshold: integer("gap_pct_threshold").notNull().default(10),
    differenceTolerance: integer("difference_tolerance").notNull().default(0),
    /** Submission check "outlier": sold above this many times the median of the last 6 periods … */
    outlierFactor: integer("outlier_factor").notNull().default(3),
    /** … and at least this many units above it. */
    outlierMinUnits: integer("outlier_min_units").notNull().default(50),
    reminderDaysBefore: smallint("reminder_days_before").notNull().default(3),
    /** An EDI file whose sender IDs name another distributor is refused (false: read, with a warning). */
    refuseOtherSender: boolean("refuse_other_sender").notNull().default(false),
    /** Ship & debit: a claimed book cost may differ this many percent from the one on record. */
    claimCostTolerancePct: numeric("claim_cost_tolerance_pct", { precision: 5, scale: 2 }).notNull().default("2"),
    /** Ship & debit: an override paying more than this (in the claim's currency) needs a second staff member. */
    claimOverrideLimit: numeric("claim_override_limit", { precision: 14, scale: 2 }).notNull().default("1000"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Bumped by every save: a form saved over someone else's newer save is refused. */
    version: integer("version").notNull().default(1),
  },
  (t) => [check("settings_singleton", sql`${t.id} = 1`), check("settings_due_day", sql`${t.dueDay} between 1 and 28`)],
);

export const distributors = pgTable(
  "distributors",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    region: text("region"),
    /** EDI identities (X12 files are checked against them): ISA05:ISA06 ("ZZ:NORTHWIND"), GS02, DUNS, GLN. */
    ediIsaId: text("edi_isa_id"),
    ediGsId: text("edi_gs_id"),
    duns: text("duns"),
    gln: text("gln"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("distributors_code_key").on(t.code)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    distributorId: integer("distributor_id").references(() => distributors.id),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Sessions carry the version they were signed in at; bumping it ends them all (sign-out, password reset, deactivation). */
    sessionVersion: integer("session_version").notNull().default(1),
    /** Bumped by every admin edit: the ETag a PATCH's If-Match is checked against. */
    version: integer("version").notNull().default(1),
    /** Who created this user, and who last set its role or password (the two-person rule: lib/dal/corrections). */
    createdBy: uuid("created_by"),
    roleSetBy: uuid("role_set_by"),
    roleSetAt: timestamp("role_set_at", { withTimezone: true }),
    passwordSetBy: uuid("password_set_by"),
    passwordSetAt: timestamp("password_set_at", { withTimezone: true }),
    /** BCP 47 locale for numbers and dates (e.g. "de-DE"); null = the browser's. */
    locale: text("locale"),
    /** IANA time zone for date-times (e.g. "Europe/Berlin"); null = the browser's. */
    timeZone: text("time_zone"),
    /** E-mail notices (approvals waiting, answers); in-app notices are always shown. */
    notifyEmail: boolean("notify_email").notNull().default(true),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    check(
      "users_distributor_role",
      sql`(${t.role} = 'distributor') = (${t.distributorId} is not null)`,
    ),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    name: text("name").notNull(),
    /** sha256 of the secret; the secret itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash)],
);

/** A forgotten-password link: single use, expiring; only the sha256 of its secret is stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_resets_hash_key").on(t.tokenHash)],
);

/** In-app notices for one user (a correction waiting for approval, …); done when the thing is dealt with. */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    kind: text("kind").notNull(),
    /** What the notice is about (a correction's id for approvals): one open notice per user and subject. */
    subjectId: text("subject_id").notNull(),
    body: text("body").notNull(),
    href: text("href").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("notices_user_subject_key").on(t.userId, t.kind, t.subjectId), index("notices_open_idx").on(t.userId).where(sql`${t.doneAt} is null`)],
);
