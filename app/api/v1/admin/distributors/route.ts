import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { createDistributor } from "@/lib/dal/admin/create-distributor";
import { createDistributorSchema } from "@/lib/validation/admin";
import { requireRole } from "@/lib/dal/authorize";

export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["admin"]);
  const input = await parseJson(req, createDistributorSchema);
  return NextResponse.json(await createDistributor(db, viewer, input), { status: 201 });
});
