import { NextResponse } from "next/server";
import { apiRoute, readOptionalJson } from "@/lib/http/api-route";
import { freezeResults } from "@/lib/dal/rebates/freeze-results";

export const dynamic = "force-dynamic";

/** POST /api/v1/rebates/{programId}/freeze `{ distributors?: [CODE] }` → `{ frozen: [CODE], alreadyFrozen: [CODE] }` (rebate analyst, admin). */
export const POST = apiRoute<{ programId: string }>(async ({ req, db, viewer, params }) => {
  const body = await readOptionalJson(req);
  return NextResponse.json(await freezeResults(db, viewer, params.programId, body));
});
