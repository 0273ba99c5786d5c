import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { submissionSourceEnum, timelinessEnum } from "./enums";
import { distributors, users } from "./organisation";
import { products } from "./catalogue";

/** One per distributor × period; timeliness is fixed by the first revision. */
export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    period: date("period").notNull(),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }).notNull(),
    timeliness: timelinessEnum("timeliness").notNull(),
    daysLate: integer("days_late").notNull().default(0),
    latestRevision: integer("latest_revision").notNull(),
    latestRevisionId: uuid("latest_revision_id").notNull(),
    missingSkus: integer("missing_skus").notNull().default(0),
  },
  (t) => [uniqueIndex("submissions_distributor_period_key").on(t.distributorId, t.period)],
);

/** Immutable: a revision and its lines are never updated. */
export const submissionRevisions = pgTable(
  "submission_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id").notNull().references(() => submissions.id),
    revision: integer("revision").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: uuid("submitted_by").notNull().references(() => users.id),
    source: submissionSourceEnum("source").notNull(),
    uploadId: uuid("upload_id"),
    totalSold: bigint("total_sold", { mode: "number" }).notNull(),
    totalReturned: bigint("total_returned", { mode: "number" }).notNull(),
    totalOnHand: bigint("total_on_hand", { mode: "number" }).notNull(),
    lineCount: integer("line_count").notNull(),
    /** Data-quality score 0–100 (lib/domain/quality.ts) and its parts; null on revisions stored before it existed. */
    qualityScore: smallint("quality_score"),
    qualityParts: jsonb("quality_parts"),
  },
  (t) => [uniqueIndex("submission_revisions_key").on(t.submissionId, t.revision)],
);

export const submissionLines = pgTable(
  "submission_lines",
  {
    revisionId: uuid("revision_id").notNull().references(() => submissionRevisions.id),
    productId: integer("product_id").notNull().references(() => products.id),
    sold: integer("sold").notNull(),
    returned: integer("returned").notNull(),
    onHand: integer("on_hand").notNull(),
    note: text("note"),
    /** The submission check's flags on this line when it was stored: `[{ kind, message }]`, null when none. */
    flags: jsonb("flags"),
    /** The distributor's "confirm as reported": a reason (CONFIRM_REASONS) and an optional note. */
    confirmReason: text("confirm_reason"),
    confirmNote: text("confirm_note"),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.productId] }),
    check("submission_lines_non_negative", sql`${t.sold} >= 0 and ${t.returned} >= 0 and ${t.onHand} >= 0`),
  ],
);

/** The working copy a distributor is typing; saved as they type, shared by all of its users. */
export const submissionDrafts = pgTable(
  "submission_drafts",
  {
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    period: date("period").notNull(),
    baseRevision: integer("base_revision"),
    cells: jsonb("cells").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.distributorId, t.period] })],
);

export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    distributorId: integer("distributor_id").notNull().references(() => distributors.id),
    period: date("period").notNull(),
    fileName: text("file_name"),
    format: text("format").notNull(),
    kind: text("kind").notNull(),
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    rowsRead: integer("rows_read").notNull(),
    rowsAccepted: integer("rows_accepted").notNull(),
    result: jsonb("result").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").notNull().references(() => users.id),
  },
  (t) => [index("uploads_distributor_idx").on(t.distributorId, t.period)],
);

/**
 * Line-level POS from a distributor's file, kept with the revision that used the upload: the
 * accepted lines in blocks of up to 4,096, each block one row (`lib/imports/split/pos-blocks.ts` holds
 * the format: one line per POS line, tab-separated, COPY-style escapes). One row per POS line cost
 * Postgres more than reading the whole file (issue 4, "Speed and memory": 2.1–2.6 s per million
 * lines to store, ~150 MB on disk); a million lines are ~250 rows and ~20 MB here (lz4).
 * No foreign keys on purpose (migration 0004): the only writer is `lib/dal/uploads/pos-sink.ts`,
 * inside the transaction that inserts the upload, with the distributor and product ids it has just
 * read; blocks are deleted only together with their upload (discardUpload), products never.
 */
export const posLineBlocks = pgTable(
  "pos_line_blocks",
  {
    uploadId: uuid("upload_id").notNull(),
    blockNo: integer("block_no").notNull(),
    distributorId: integer("distributor_id").notNull(),
    /** Block format version (1: see pos-blocks.ts). */
    format: integer("format").notNull().default(1),
    lineCount: integer("line_count").notNull(),
    lines: text("lines").notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.blockNo] })],
);

/** Idempotency keys of the REST API: a replay returns the first response. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id").notNull().references(() => users.id),
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
