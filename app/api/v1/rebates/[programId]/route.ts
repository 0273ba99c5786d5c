import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { getProgram } from "@/lib/dal/rebates/programs";
import { updateProgram } from "@/lib/dal/rebates/save-program";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET /api/v1/rebates/{programId} → the programme (staff). */
export const GET = apiRoute<{ programId: string }>(async ({ db, viewer, params }) => NextResponse.json(await getProgram(db, viewer, params.programId)));

/** PATCH /api/v1/rebates/{programId} with the whole programme → the programme (rebate analyst, admin). */
export const PATCH = apiRoute<{ programId: string }>(async ({ req, db, viewer, params }) =>
  NextResponse.json(await updateProgram(db, viewer, params.programId, await parseJson(req, z.unknown()))),
);
