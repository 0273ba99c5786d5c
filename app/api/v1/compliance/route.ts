import { NextResponse } from "next/server";
import { apiRoute, searchParamsObject, wantsCsv } from "@/lib/http/api-route";
import { csvResponse, toCsv } from "@/lib/http/csv";
import { complianceApiRows, listCompliance } from "@/lib/dal/compliance/list-compliance";
import { complianceQuerySchema } from "@/lib/validation/compliance";

export const dynamic = "force-dynamic";

const CSV_COLUMNS = ["distributor", "period", "status", "submittedAt", "daysLate", "missingSkus", "dueAt", "lastRemindedAt"] as const;

/** GET /api/v1/compliance?from=YYYY-MM&to=YYYY-MM[&distributor=CODE] → { rows: [{ distributor, period, status, submittedAt, daysLate, … }] } */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const q = complianceQuerySchema.parse(searchParamsObject(req));
  const board = await listCompliance(db, viewer, q);
  const rows = complianceApiRows(board);
  if (wantsCsv(req)) return csvResponse(toCsv([...CSV_COLUMNS], rows.map((r) => CSV_COLUMNS.map((c) => r[c]))), `compliance-${board.from}-${board.to}.csv`);
  return NextResponse.json({
    from: board.from,
    to: board.to,
    rows,
    distributors: board.rows.map((r) => ({
      distributor: r.distributor, name: r.distributorName, duePeriods: r.duePeriods, onTime: r.onTime, late: r.late, missing: r.missing,
      incomplete: r.incomplete, timelinessRate: r.timelinessRate, avgDaysLate: r.avgDaysLate, lastRemindedAt: r.lastRemindedAt,
    })),
  });
}, { replica: true });
