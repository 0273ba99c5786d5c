import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { createApiToken } from "@/lib/dal/tokens/create-api-token";
import { listApiTokens } from "@/lib/dal/tokens/list-api-tokens";
import { requireSession } from "@/lib/dal/tokens/require-session";
import { createTokenSchema } from "@/lib/validation/tokens";

export const dynamic = "force-dynamic";

/** GET /api/v1/tokens → the caller's tokens (session only; never a secret). */
export const GET = apiRoute(async ({ db, viewer }) => NextResponse.json(await listApiTokens(db, viewer)));

/** POST /api/v1/tokens `{ name }` → 201 `{ id, name, prefix, secret, createdAt }` — the secret is shown this once. Session only: a token must not mint tokens (403). */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireSession(viewer); // before reading the body: a token gets 403 whatever it sends
  const input = await parseJson(req, createTokenSchema);
  const token = await createApiToken(db, viewer, input);
  return NextResponse.json(token, { status: 201, headers: { "cache-control": "no-store" } });
});
