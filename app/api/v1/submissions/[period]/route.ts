import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { getSubmissionView } from "@/lib/dal/submissions/get-submission-view";
import { submitPeriod } from "@/lib/dal/submissions/submit-period";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/submissions/{period}[?distributor=CODE] — the latest revision, or the prefill.
 * The contract's fields, plus a few additions (distributor, state, submission times, per-line note).
 */
export const GET = apiRoute<{ period: string }>(async ({ req, db, viewer, params }) => {
  const v = await getSubmissionView(db, viewer, {
    period: params.period,
    distributorCode: req.nextUrl.searchParams.get("distributor"),
  });
  return NextResponse.json({
    period: v.period,
    dueAt: v.dueAt,
    status: v.status,
    revision: v.revision,
    distributor: v.distributor,
    state: v.state,
    submissionId: v.submissionId,
    firstSubmittedAt: v.firstSubmittedAt,
    latestSubmittedAt: v.latestSubmittedAt,
    timeliness: v.timeliness,
    daysLate: v.daysLate,
    lines: v.lines.map((l) => ({
      sku: l.sku, description: l.description, opening: l.opening, received: l.received,
      sold: l.sold, returned: l.returned, onHand: l.onHand, expected: l.expected, note: l.note,
    })),
  });
});

/**
 * POST /api/v1/submissions/{period} with `Idempotency-Key` →
 * 201 `{ submissionId, revision, submittedAt, timeliness, daysLate, exceptionsOpened }` (a replay answers the same):
 * exceptionsOpened counts the rows this revision left out of tolerance, opened in its transaction.
 */
export const POST = apiRoute<{ period: string }>(async ({ req, db, viewer, params }) => {
    const key = req.headers.get("idempotency-key");
    if (!key || !key.trim()) {
      throw new AppError(
        "idempotency_key_missing",
        "Send an Idempotency-Key header (e.g. a new UUID per submission) so a retry cannot store it twice; nothing was stored",
      );
    }
    const body = await readJson(req);
    const r = await submitPeriod(db, viewer, { period: params.period, body, source: "api", idempotencyKey: key, ip: clientIp(req.headers) });
    return NextResponse.json(
      {
        submissionId: r.submissionId, revision: r.revision, submittedAt: r.submittedAt, timeliness: r.timeliness, daysLate: r.daysLate,
        exceptionsOpened: r.exceptionsOpened ?? 0,
      },
      { status: 201 },
    );
});
