import { NextResponse } from "next/server";
import { apiRoute, wantsCsv } from "@/lib/http/api-route";
import { csvResponse } from "@/lib/http/csv";
import { eligibilityApiRows, getEligibility } from "@/lib/dal/rebates/get-eligibility";
import { eligibilityCsv } from "@/lib/http/eligibility-csv";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/rebates/{programId}/eligibility → `{ program, complete, rows: [{ distributor, eligible, amount, reasons, frozen, … }] }`.
 * Staff see every distributor; a distributor only its own row. `Accept: text/csv` (or `?format=csv`) exports it.
 */
export const GET = apiRoute<{ programId: string }>(async ({ req, db, viewer, params }) => {
  const e = await getEligibility(db, viewer, params.programId);
  if (wantsCsv(req)) return csvResponse(eligibilityCsv(e), `rebate-${e.program.name}.csv`);
  return NextResponse.json({ program: e.program, complete: e.complete, rows: eligibilityApiRows(e) });
});
