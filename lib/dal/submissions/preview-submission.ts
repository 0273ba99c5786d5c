/**
 * `previewSubmission(db, viewer, { period, body, now? })` → `{ flags, quality }`
 *
 * The dry run of `submitPeriod` (`POST /api/v1/submissions/{period}?dryRun=1`, and the screen's check
 * before it submits): the same validation, the same period checks and the same submission check, and
 * nothing is stored. Freshness counts the days late the submission would have: the first
 * submission's when the period was already submitted (a resubmission does not change it), else now.
 *
 * Errors as `submitPeriod`: 403 staff, 400 `validation_failed`, 404 untracked period, 409 a period
 * that has not ended or is closed.
 */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { submissions } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { timeliness as judgeTimeliness } from "@/lib/domain/compliance";
import { periodToDate } from "@/lib/domain/periods";
import type { Quality } from "@/lib/domain/quality";
import type { RowFlag } from "@/lib/domain/submission-checks";
import { parseSubmissionBody } from "@/lib/validation/submission";
import { requireRole, resolveDistributor } from "../authorize";
import { checkLines } from "./check-submission";
import { assertReportable, loadPeriodInfo, parsePeriodParam } from "./period-info";
import { assertUpload, resolveSkus } from "./submit-period";

export interface SubmissionPreview {
  flags: RowFlag[];
  quality: Quality;
}

export async function previewSubmission(db: Queryable, viewer: Viewer, input: { period: string; body: unknown; now?: Date }): Promise<SubmissionPreview> {
  requireRole(viewer, ["distributor"]);
  const now = input.now ?? new Date();
  const period = parsePeriodParam(input.period);
  const parsed = parseSubmissionBody(input.body);
  if (!parsed.success) {
    throw new AppError("validation_failed", `${parsed.issues.length === 1 ? "1 problem" : `${parsed.issues.length} problems`} in the report; nothing was checked`, parsed.issues);
  }
  const body = parsed.data;
  const d = await resolveDistributor(db, viewer);
  const productIds = await resolveSkus(db, body);
  if (body.uploadId) await assertUpload(db, d.id, period, body.uploadId);
  const info = await loadPeriodInfo(db, period, now);
  assertReportable(info);
  const [sub] = await db
    .select({ daysLate: submissions.daysLate })
    .from(submissions)
    .where(and(eq(submissions.distributorId, d.id), eq(submissions.period, periodToDate(period))))
    .limit(1);
  const daysLate = sub ? sub.daysLate : judgeTimeliness(now, info.dueAt, info.settings.graceDays).daysLate;
  const { flags, quality } = await checkLines(db, {
    distributorId: d.id, period, lines: body.lines, productIds, uploadId: body.uploadId ?? null, daysLate, settings: info.settings,
  });
  return { flags, quality };
}
