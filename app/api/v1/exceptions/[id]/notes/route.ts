import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { addExceptionNote } from "@/lib/dal/exceptions/update-exception";
import { noteSchema } from "@/lib/validation/exceptions";

/** A note (staff) or an answer (the owning distributor): `{ body, internal? }`. */
export const POST = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  const input = await parseJson(req, noteSchema);
  return NextResponse.json(await addExceptionNote(db, viewer, params.id, input), { status: 201 });
});
