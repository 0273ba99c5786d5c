import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { updateUser } from "@/lib/dal/admin/update-user";
import { updateUserSchema } from "@/lib/validation/admin";
import { requireRole } from "@/lib/dal/authorize";

export const PATCH = apiRoute<{ email: string }>(async ({ req, db, viewer, params }) => {
  requireRole(viewer, ["admin"]);
  const input = await parseJson(req, updateUserSchema);
  return NextResponse.json(await updateUser(db, viewer, decodeURIComponent(params.email), input));
});
