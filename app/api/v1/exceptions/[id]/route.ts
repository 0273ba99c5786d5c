import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { getException } from "@/lib/dal/exceptions/get-exception";
import { updateException } from "@/lib/dal/exceptions/update-exception";
import { requireExceptionWorker } from "@/lib/dal/exceptions/shared";
import { updateExceptionSchema } from "@/lib/validation/exceptions";

/** One exception with its thread, corrections (staff) and the ledger row as it stands now. */
export const GET = apiRoute<{ id: string }>(async ({ db, viewer, params }) => {
  return NextResponse.json(await getException(db, viewer, params.id));
});

/** `{ status?, reason?, owner?, note? }` — each change is kept as an event. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  requireExceptionWorker(viewer);
  const input = await parseJson(req, updateExceptionSchema);
  await updateException(db, viewer, params.id, input);
  return NextResponse.json(await getException(db, viewer, params.id));
});
