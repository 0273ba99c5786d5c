import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, searchParamsObject } from "@/lib/http/api-route";
import { isStaff } from "@/lib/auth/viewer";
import { getClaim } from "@/lib/dal/claims/read-claims";
import { claimJson } from "../claim-json";

export const dynamic = "force-dynamic";

const query = z.object({
  revision: z.coerce.number().int().min(1).optional(),
  outcome: z.enum(["approved", "adjusted", "rejected", "open"], { error: "outcome is approved, adjusted, rejected or open" }).optional(),
  limit: z.coerce.number().int().min(1).max(200_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/**
 * GET /api/v1/claims/{id}[?revision=N&outcome=&limit=&offset=] — the claim with every line's outcome
 * (its latest revision, or revision N of its history). Another distributor's claim is a 404.
 */
export const GET = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  const q = query.parse(searchParamsObject(req));
  const c = await getClaim(db, viewer, params.id, { revision: q.revision, outcome: q.outcome, limit: q.limit, offset: q.offset });
  return NextResponse.json(claimJson(c, isStaff(viewer)));
});
