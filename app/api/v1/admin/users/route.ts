import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { createUser } from "@/lib/dal/admin/create-user";
import { createUserSchema } from "@/lib/validation/admin";
import { requireRole } from "@/lib/dal/authorize";

export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["admin"]);
  const input = await parseJson(req, createUserSchema);
  return NextResponse.json(await createUser(db, viewer, input), { status: 201 });
});
