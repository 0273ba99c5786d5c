import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readOptionalJson } from "@/lib/http/api-route";
import { requireRole } from "@/lib/dal/authorize";
import { decideOverride, REBATE_TEAM, withdrawOverride } from "@/lib/dal/claims/overrides";
import { AppError } from "@/lib/errors";

const noteSchema = z.object({ note: z.string().trim().max(1000).optional() });

/**
 * POST /api/v1/claim-overrides/{id}/reject `{ note? }` — a second member of the rebate team turns a
 * waiting override down → `{ id, status: "rejected" }`; its proposer withdraws it → `{ id, status: "withdrawn" }`
 * (as corrections' reject does). The line keeps its outcome either way.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  requireRole(viewer, REBATE_TEAM);
  const { note } = noteSchema.parse(await readOptionalJson(req));
  try {
    return NextResponse.json(await withdrawOverride(db, viewer, params.id));
  } catch (e) {
    // Not the proposer's waiting override (withdrawing changed nothing): a decision by someone else.
    if (!(e instanceof AppError && e.code === "not_found")) throw e;
  }
  return NextResponse.json(await decideOverride(db, viewer, params.id, { approve: false, note }));
});
