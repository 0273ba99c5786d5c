import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { notFound } from "@/lib/errors";
import { getRevision } from "@/lib/dal/submissions/get-revision";

export const dynamic = "force-dynamic";

/** GET /api/v1/submissions/{period}/revisions/{revision}[?distributor=CODE] → one revision with its lines (an addition to the contract). */
export const GET = apiRoute<{ period: string; revision: string }>(async ({ req, db, viewer, params }) => {
  if (!/^\d{1,9}$/.test(params.revision)) throw notFound(`No revision ${params.revision}`);
  const r = await getRevision(db, viewer, {
    period: params.period,
    revision: Number(params.revision),
    distributorCode: req.nextUrl.searchParams.get("distributor"),
  });
  return NextResponse.json({
    submissionId: r.submissionId,
    period: r.period,
    revision: r.revision,
    latest: r.latest,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    source: r.source,
    timeliness: r.timeliness,
    daysLate: r.daysLate,
    totals: r.totals,
    quality: r.quality,
    lines: r.lines.map((l) => ({ sku: l.sku, description: l.description, sold: l.sold, returned: l.returned, onHand: l.onHand, note: l.note, flags: l.flags, confirm: l.confirm })),
  });
});
