import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listRevisions } from "@/lib/dal/submissions/list-revisions";

export const dynamic = "force-dynamic";

/** GET /api/v1/submissions/{period}/revisions[?distributor=CODE] → `[{ revision, submittedAt, submittedBy, source, lineCount, quality }]`, newest first. */
export const GET = apiRoute<{ period: string }>(async ({ req, db, viewer, params }) => {
  const rows = await listRevisions(db, viewer, { period: params.period, distributorCode: req.nextUrl.searchParams.get("distributor") });
  return NextResponse.json(
    rows.map((r) => ({ revision: r.revision, submittedAt: r.submittedAt, submittedBy: r.submittedBy, source: r.source, lineCount: r.lineCount, quality: r.quality })),
  );
});
