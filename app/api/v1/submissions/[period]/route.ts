import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { getSubmissionView } from "@/lib/dal/submissions/get-submission-view";
import { submitPeriod } from "@/lib/dal/submissions/submit-period";
import { QUALITY_PARTS } from "@/lib/domain/quality";
import { previewSubmission } from "@/lib/dal/submissions/preview-submission";

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
    quality: v.quality,
    lines: v.lines.map((l) => ({
      sku: l.sku, description: l.description, opening: l.opening, received: l.received,
      sold: l.sold, returned: l.returned, onHand: l.onHand, expected: l.expected, note: l.note,
      flags: l.flags, confirm: l.confirm,
    })),
  });
});

/**
 * POST /api/v1/submissions/{period} with `Idempotency-Key` →
 * 201 `{ submissionId, revision, submittedAt, timeliness, daysLate, exceptionsOpened, quality, flags }` (a replay
 * answers the same): exceptionsOpened counts the rows this revision left out of tolerance, opened in its transaction.
 * With `?dryRun=1` (no key needed): the same checks, nothing stored → 200 `{ flags, quality }`.
 */
export const POST = apiRoute<{ period: string }>(async ({ req, db, viewer, params }) => {
    const dry = req.nextUrl.searchParams.get("dryRun");
    if (dry !== null && dry !== "0" && dry !== "false") {
      if (dry !== "1" && dry !== "true") throw new AppError("validation_failed", "dryRun is 1 or 0", [{ path: "dryRun", message: "dryRun is 1 or 0" }]);
      const preview = await previewSubmission(db, viewer, { period: params.period, body: await readJson(req) });
      return NextResponse.json(preview, { status: 200 });
    }
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
        // Fixed key order: a replay (read back from jsonb, which reorders keys) answers byte for byte the same.
        quality: r.quality ? { score: r.quality.score, parts: Object.fromEntries(QUALITY_PARTS.map((k) => [k, r.quality.parts[k]])) } : null,
        flags: (r.flags ?? []).map((f) => ({ sku: f.sku, kind: f.kind, message: f.message })),
      },
      { status: 201 },
    );
});
