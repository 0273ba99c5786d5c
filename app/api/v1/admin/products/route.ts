import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { createProduct } from "@/lib/dal/admin/create-product";
import { createProductSchema } from "@/lib/validation/admin";
import { requireRole } from "@/lib/dal/authorize";

export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["admin"]);
  const input = await parseJson(req, createProductSchema);
  return NextResponse.json(await createProduct(db, viewer, input), { status: 201 });
});
