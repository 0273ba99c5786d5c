import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { proposeCorrection } from "@/lib/dal/corrections/corrections";
import { requireExceptionWorker } from "@/lib/dal/exceptions/shared";
import { proposeCorrectionSchema } from "@/lib/validation/exceptions";

/** Proposes `{ quantity (signed), type, reason }`; it takes effect when another staff user approves it. */
export const POST = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  requireExceptionWorker(viewer);
  const input = await parseJson(req, proposeCorrectionSchema);
  return NextResponse.json(await proposeCorrection(db, viewer, params.id, input), { status: 201 });
});
