/**
 * `getRevision(db, viewer, { period, revision, distributorCode? })` → `RevisionDetail`
 * One immutable revision with its lines (sorted by SKU): what the receipt page shows and its CSV.
 * `{ submissionId, period, revision, submittedAt, submittedBy, source, uploadId, latest, totals,
 *    timeliness, daysLate, firstSubmittedAt, lines: [{ sku, description, family, sold, returned, onHand, note }] }`.
 * 404 when there is no such revision (or it is another distributor's).
 */
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { products, submissionLines, submissionRevisions, submissions, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import type { Timeliness } from "@/lib/domain/compliance";
import { periodToDate } from "@/lib/domain/periods";
import { resolveDistributor } from "../authorize";
import { parsePeriodParam } from "./period-info";
import type { Quality, QualityParts } from "@/lib/domain/quality";
import type { CheckKind } from "@/lib/domain/submission-checks";
import type { SubmissionSource } from "./submit-period";

export interface RevisionLine {
  sku: string;
  description: string;
  family: string;
  sold: number;
  returned: number;
  onHand: number;
  note: string | null;
  /** The submission check's flags when the line was stored ([] when none). */
  flags: { kind: CheckKind; message: string }[];
  /** "Confirm as reported": reason and note, or null. */
  confirm: { reason: string; note: string | null } | null;
}

export interface RevisionDetail {
  submissionId: string;
  distributor: { code: string; name: string };
  period: string;
  revision: number;
  /** Whether this is the latest revision of the period. */
  latest: boolean;
  submittedAt: string;
  submittedBy: string;
  source: SubmissionSource;
  uploadId: string | null;
  firstSubmittedAt: string;
  timeliness: Timeliness;
  daysLate: number;
  totals: { lines: number; sold: number; returned: number; onHand: number };
  /** Data-quality score and parts; null for revisions stored before scores existed. */
  quality: Quality | null;
  lines: RevisionLine[];
}

export async function getRevision(
  db: Queryable,
  viewer: Viewer,
  input: { period: string; revision: number; distributorCode?: string | null },
): Promise<RevisionDetail> {
  const period = parsePeriodParam(input.period);
  const d = await resolveDistributor(db, viewer, input.distributorCode);
  if (!Number.isInteger(input.revision) || input.revision < 1) throw notFound(`No revision ${input.revision} of ${period}`);
  const [r] = await db
    .select({
      id: submissionRevisions.id,
      submissionId: submissions.id,
      revision: submissionRevisions.revision,
      latestRevision: submissions.latestRevision,
      submittedAt: submissionRevisions.submittedAt,
      name: users.name,
      email: users.email,
      source: submissionRevisions.source,
      uploadId: submissionRevisions.uploadId,
      firstSubmittedAt: submissions.firstSubmittedAt,
      timeliness: submissions.timeliness,
      daysLate: submissions.daysLate,
      lineCount: submissionRevisions.lineCount,
      sold: submissionRevisions.totalSold,
      returned: submissionRevisions.totalReturned,
      onHand: submissionRevisions.totalOnHand,
      qualityScore: submissionRevisions.qualityScore,
      qualityParts: submissionRevisions.qualityParts,
    })
    .from(submissionRevisions)
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .innerJoin(users, eq(users.id, submissionRevisions.submittedBy))
    .where(and(eq(submissions.distributorId, d.id), eq(submissions.period, periodToDate(period)), eq(submissionRevisions.revision, input.revision)))
    .limit(1);
  if (!r) throw notFound(`No revision ${input.revision} of ${period}`);
  const lines = await db
    .select({
      sku: products.sku, description: products.description, family: products.family,
      sold: submissionLines.sold, returned: submissionLines.returned, onHand: submissionLines.onHand, note: submissionLines.note,
      flags: submissionLines.flags, confirmReason: submissionLines.confirmReason, confirmNote: submissionLines.confirmNote,
    })
    .from(submissionLines)
    .innerJoin(products, eq(products.id, submissionLines.productId))
    .where(eq(submissionLines.revisionId, r.id))
    .orderBy(asc(products.sku));
  return {
    submissionId: r.submissionId,
    distributor: { code: d.code, name: d.name },
    period,
    revision: r.revision,
    latest: r.revision === r.latestRevision,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.name || r.email,
    source: r.source,
    uploadId: r.uploadId,
    firstSubmittedAt: r.firstSubmittedAt.toISOString(),
    timeliness: r.timeliness,
    daysLate: r.daysLate,
    totals: { lines: r.lineCount, sold: Number(r.sold), returned: Number(r.returned), onHand: Number(r.onHand) },
    quality: r.qualityScore === null ? null : { score: r.qualityScore, parts: r.qualityParts as QualityParts },
    lines: lines.map(({ flags, confirmReason, confirmNote, ...l }) => ({
      ...l,
      flags: Array.isArray(flags) ? (flags as RevisionLine["flags"]) : [],
      confirm: confirmReason ? { reason: confirmReason, note: confirmNote } : null,
    })),
  };
}
