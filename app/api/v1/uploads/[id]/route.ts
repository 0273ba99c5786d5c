import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getUpload } from "@/lib/dal/uploads/get-upload";

export const dynamic = "force-dynamic";

/** GET /api/v1/uploads/{id} — the stored answer of an upload (lists up to 50,000 entries each). */
export const GET = apiRoute<{ id: string }>(async ({ db, viewer, params }) => {
  const { answer } = await getUpload(db, viewer, params.id);
  return NextResponse.json(answer);
});
