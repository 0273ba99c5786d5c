import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { revokeApiToken } from "@/lib/dal/tokens/revoke-api-token";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/tokens/{id} → the revoked token. Only the caller's own tokens (another's → 404); session only. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, viewer, params }) => NextResponse.json(await revokeApiToken(db, viewer, params.id)));
