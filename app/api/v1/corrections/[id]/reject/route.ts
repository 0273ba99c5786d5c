import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readOptionalJson } from "@/lib/http/api-route";
import { rejectCorrection } from "@/lib/dal/corrections/corrections";

const rejectSchema = z.object({ reason: z.string().trim().max(1000).optional() });

/** Rejects (or, by the proposer, withdraws) a proposed correction. Body `{ reason? }` is optional. */
export const POST = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  const raw = await readOptionalJson(req);
  const input = rejectSchema.parse(raw);
  return NextResponse.json(await rejectCorrection(db, viewer, params.id, input));
});
