import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { listPrograms } from "@/lib/dal/rebates/programs";
import { computeEligibility, eligibilityApiRows } from "@/lib/dal/rebates/get-eligibility";
import { createProgram } from "@/lib/dal/rebates/save-program";
import { rebateProgramSchema } from "@/lib/validation/rebates";
import { z } from "zod";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/rebates (staff) → `{ programs: [...], rows: [{ programId, program, distributor, eligible, amount, reasons, frozen, … }] }`:
 * every programme, and the eligibility rows of the active ones.
 */
export const GET = apiRoute(async ({ db, viewer }) => {
  const programs = await listPrograms(db, viewer);
  const rows = [];
  for (const p of programs.filter((x) => x.active)) {
    const e = await computeEligibility(db, p, new Date());
    rows.push(...eligibilityApiRows(e).map((r) => ({ programId: p.id, program: p.name, ...r })));
  }
  return NextResponse.json({ programs, rows });
});

/** POST /api/v1/rebates → 201 the programme (rebate analyst, admin). */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  const body = await parseJson(req, z.unknown());
  const program = await createProgram(db, viewer, rebateProgramSchema.parse(body));
  return NextResponse.json(program, { status: 201 });
});
