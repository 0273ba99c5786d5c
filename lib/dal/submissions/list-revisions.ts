/**
 * `listRevisions(db, viewer, { period, distributorCode? })` → `RevisionSummary[]`, newest first:
 * `{ revision, submittedAt, submittedBy (name, else e-mail), source, lineCount, totals, uploadId, quality }`.
 * Empty when nothing was submitted. Distributor viewers see only their own (another code → 404);
 * staff name the distributor.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { submissionRevisions, submissions, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { resolveDistributor } from "../authorize";
import { parsePeriodParam } from "./period-info";
import type { Quality, QualityParts } from "@/lib/domain/quality";
import type { SubmissionSource } from "./submit-period";

export interface RevisionSummary {
  revision: number;
  submittedAt: string;
  submittedBy: string;
  source: SubmissionSource;
  lineCount: number;
  totals: { sold: number; returned: number; onHand: number };
  uploadId: string | null;
  /** Data-quality score and parts (lib/domain/quality.ts); null for revisions stored before scores existed. */
  quality: Quality | null;
}

export async function listRevisions(
  db: Queryable,
  viewer: Viewer,
  input: { period: string; distributorCode?: string | null },
): Promise<RevisionSummary[]> {
  const period = parsePeriodParam(input.period);
  const d = await resolveDistributor(db, viewer, input.distributorCode);
  const rows = await db
    .select({
      revision: submissionRevisions.revision,
      submittedAt: submissionRevisions.submittedAt,
      name: users.name,
      email: users.email,
      source: submissionRevisions.source,
      lineCount: submissionRevisions.lineCount,
      sold: submissionRevisions.totalSold,
      returned: submissionRevisions.totalReturned,
      onHand: submissionRevisions.totalOnHand,
      uploadId: submissionRevisions.uploadId,
      qualityScore: submissionRevisions.qualityScore,
      qualityParts: submissionRevisions.qualityParts,
    })
    .from(submissionRevisions)
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .innerJoin(users, eq(users.id, submissionRevisions.submittedBy))
    .where(and(eq(submissions.distributorId, d.id), eq(submissions.period, periodToDate(period))))
    .orderBy(desc(submissionRevisions.revision));
  return rows.map((r) => ({
    revision: r.revision,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.name || r.email,
    source: r.source,
    lineCount: r.lineCount,
    totals: { sold: Number(r.sold), returned: Number(r.returned), onHand: Number(r.onHand) },
    uploadId: r.uploadId,
    quality: r.qualityScore === null ? null : { score: r.qualityScore, parts: r.qualityParts as QualityParts },
  }));
}
