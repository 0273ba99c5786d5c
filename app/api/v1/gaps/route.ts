import { NextResponse } from "next/server";
import { apiRoute, searchParamsObject, wantsCsv } from "@/lib/http/api-route";
import { csvResponse, toCsv } from "@/lib/http/csv";
import { listGaps } from "@/lib/dal/gaps/list-gaps";
import { gapQuerySchema } from "@/lib/validation/gaps";

const CSV_COLUMNS = [
  "distributor", "sku", "description", "family", "opening", "sellIn", "sellThrough", "returns", "adjustments",
  "calculated", "reported", "gap", "gapPct", "newGap", "weeksOfSupply", "flags",
] as const;

export const GET = apiRoute(async ({ req, db, viewer }) => {
  const q = gapQuerySchema.parse(searchParamsObject(req));
  if (wantsCsv(req)) {
    const page = await listGaps(db, viewer, { ...q, limit: q.limit === 200 && !req.nextUrl.searchParams.has("limit") ? 5000 : q.limit });
    const body = toCsv([...CSV_COLUMNS], page.rows.map((r) => CSV_COLUMNS.map((c) => r[c])));
    return csvResponse(body, `gaps-${page.period}.csv`);
  }
  const page = await listGaps(db, viewer, q);
  return NextResponse.json({
    period: page.period,
    rows: page.rows.map(({ distributorName: _n, description: _d, family: _f, ...r }) => r),
    totals: page.totals,
    nextCursor: page.nextCursor,
  });
});
