import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { requireRole } from "@/lib/dal/authorize";
import { getUpload } from "@/lib/dal/uploads/get-upload";
import { mapParts } from "@/lib/dal/xrefs/map-parts";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/uploads/{id}/xrefs `{ mappings: [{ part, sku }] }` — maps unknown parts of an upload to
 * our SKUs and remembers them in the distributor's cross-reference (every later upload resolves
 * them). → `{ mapped: [{ part, sku }], stillUnknown: [{ part, rows }] }`. The upload's totals are
 * re-evaluated by sending the file again with `replaces={id}` (the parser does not keep rows it
 * could not resolve).
 */
export const POST = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  requireRole(viewer, ["distributor"]);
  const { answer } = await getUpload(db, viewer, params.id);
  const r = await mapParts(db, viewer, await readJson(req));
  const done = new Set(r.mapped.map((m) => m.part.toUpperCase()));
  return NextResponse.json({ mapped: r.mapped, stillUnknown: answer.unknownParts.filter((u) => !done.has(u.part.toUpperCase())) });
});
