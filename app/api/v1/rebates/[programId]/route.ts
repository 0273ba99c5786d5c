import { apiRoute, parseJson } from "@/lib/http/api-route";
import { ifMatchVersion, staleResponse, withEtag } from "@/lib/http/etag";
import { getProgram } from "@/lib/dal/rebates/programs";
import { updateProgram } from "@/lib/dal/rebates/save-program";
import { StaleVersion } from "@/lib/errors";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET /api/v1/rebates/{programId} → the programme (staff), `ETag` its version. */
export const GET = apiRoute<{ programId: string }>(async ({ db, viewer, params }) => {
  const p = await getProgram(db, viewer, params.programId);
  return withEtag(p, p.version);
});

/** PATCH /api/v1/rebates/{programId} with the whole programme → the programme (rebate analyst, admin); a stale `If-Match` is 412 with the current one. */
export const PATCH = apiRoute<{ programId: string }>(async ({ req, db, viewer, params }) => {
  const values = await parseJson(req, z.unknown());
  try {
    const p = await updateProgram(db, viewer, params.programId, values, ifMatchVersion(req));
    return withEtag(p, p.version);
  } catch (error) {
    if (error instanceof StaleVersion) return staleResponse(error, await getProgram(db, viewer, params.programId));
    throw error;
  }
});
