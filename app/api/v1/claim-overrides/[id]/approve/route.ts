import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readOptionalJson } from "@/lib/http/api-route";
import { decideOverride } from "@/lib/dal/claims/overrides";

const noteSchema = z.object({ note: z.string().trim().max(1000).optional() });

/**
 * POST /api/v1/claim-overrides/{id}/approve `{ note? }` — a second member of the rebate team applies a
 * waiting override (the proposer gets 403; one already decided is 409) → `{ id, status: "applied" }`.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  const { note } = noteSchema.parse(await readOptionalJson(req));
  return NextResponse.json(await decideOverride(db, viewer, params.id, { approve: true, note }));
});
