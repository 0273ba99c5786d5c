import { NextResponse, type NextRequest } from "next/server";
import { apiRoute, wantsCsv } from "@/lib/http/api-route";
import { listGaps, openGapStream } from "@/lib/dal/gaps/list-gaps";
import { gapQuerySchema } from "@/lib/validation/gaps";
import { csvStream, xlsxStream } from "./export";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function wantsXlsx(req: NextRequest): boolean {
  return req.nextUrl.searchParams.get("format") === "xlsx" || (req.headers.get("accept") ?? "").includes(XLSX_TYPE);
}

/** Query parameters as zod expects them; a repeated `flag` is kept as a list. */
function queryOf(req: NextRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(req.nextUrl.searchParams.keys())) {
    if (key === "format" || key === "details" || key === "totals") continue;
    const all = req.nextUrl.searchParams.getAll(key);
    out[key] = key === "flag" ? all : all[all.length - 1]!;
  }
  return out;
}

/**
 * GET /api/v1/gaps — JSON pages (keyset `cursor`), or every matching row as CSV (`Accept: text/csv`
 * or `format=csv`) or XLSX (`format=xlsx`), streamed in keyset batches up to 1,000,000 rows.
 */
export const GET = apiRoute(async ({ req, db, later, viewer }) => {
  const q = gapQuerySchema.parse(queryOf(req));
  if (wantsXlsx(req) || wantsCsv(req)) {
    const stream = await openGapStream(db, viewer, { ...q, cursor: undefined }, { pages: later });
    const name = `gaps-${stream.period}${q.distributor ? `-${q.distributor}` : ""}`;
    return wantsXlsx(req) ? xlsxStream(stream.rows(), stream.period, `${name}.xlsx`) : csvStream(stream.rows(), `${name}.csv`);
  }
  const page = await listGaps(db, viewer, q, { totals: !q.cursor || req.nextUrl.searchParams.get("totals") !== "0" });
  // `details=1` (an addition to the contract) keeps distributorName, description and family on each row.
  const details = req.nextUrl.searchParams.get("details") === "1";
  return NextResponse.json({
    period: page.period,
    rows: details ? page.rows : page.rows.map(({ distributorName: _n, description: _d, family: _f, ...r }) => r),
    totals: page.totals,
    nextCursor: page.nextCursor,
  });
}, { replica: true });
