import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { approveCorrection } from "@/lib/dal/corrections/corrections";

/** Approval by another staff user than the proposer (the proposer gets 403). */
export const POST = apiRoute<{ id: string }>(async ({ db, viewer, params }) => {
  return NextResponse.json(await approveCorrection(db, viewer, params.id));
});
