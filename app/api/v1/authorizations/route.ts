import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readBodyLimited, readJson, searchParamsObject } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors";
import { requireRole, resolveDistributor } from "@/lib/dal/authorize";
import { importAuthorizationsCsv, listAuthorizations, saveAuthorizations, type SaveAuthorizationsResult } from "@/lib/dal/claims/authorizations";
import type { AuthorizationBody } from "@/lib/validation/claims";

export const dynamic = "force-dynamic";

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_JSON_ROWS = 50_000;
const STAFF = ["rebate_analyst", "channel_manager", "admin"] as const;

const listQuery = z.object({
  distributor: z.string().trim().min(1).max(12).optional(),
  number: z.string().trim().min(1).max(64).optional(),
});

/**
 * GET /api/v1/authorizations[?distributor=CODE&number=] — ship & debit authorisations with what is
 * left of each (`claimedQuantity`, `remainingQuantity`, `debitPerUnit`, `openLiability`, `active`).
 * Staff: all, or one distributor's; a distributor: its own (another's code → 404).
 */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const q = listQuery.parse(searchParamsObject(req));
  if (q.distributor) await resolveDistributor(db, viewer, q.distributor);
  return NextResponse.json({ authorizations: await listAuthorizations(db, viewer, { distributorCode: q.distributor, number: q.number }) });
});

/** `{ authorizations: [...] }`, `[...]` or one object. */
function bodiesOf(v: unknown): AuthorizationBody[] {
  const list = Array.isArray(v) ? v : v && typeof v === "object" && Array.isArray((v as { authorizations?: unknown }).authorizations) ? (v as { authorizations: unknown[] }).authorizations : [v];
  if (list.length === 0) throw new AppError("validation_failed", "No authorisation was sent; nothing was stored", [{ path: "authorizations", message: "At least one" }]);
  if (list.length > MAX_JSON_ROWS) throw new AppError("validation_failed", `At most ${MAX_JSON_ROWS.toLocaleString("en-US")} authorisations per request (send CSV for more)`, [{ path: "authorizations", message: "Too many" }]);
  return list as AuthorizationBody[];
}

/**
 * POST /api/v1/authorizations (rebate analyst, channel manager, admin): JSON (one object,
 * `{ authorizations: [...] }` or an array) or `Content-Type: text/csv` with snake_case headers. An
 * authorisation with a number already on record (same distributor) is updated. Bad rows are listed by
 * line (JSON: 1 = the first object; CSV: 2 = the first row under the header) and good ones stored →
 * 201 `{ created, updated, errors }` when one was created, else 200; nothing stored and errors → 400.
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, STAFF);
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const r: SaveAuthorizationsResult = type === "text/csv"
    ? await importAuthorizationsCsv(db, viewer, await readBodyLimited(req, MAX_BYTES))
    : await saveAuthorizations(db, viewer, bodiesOf(await readJson(req, MAX_BYTES)));
  if (r.created + r.updated === 0 && r.errors.length > 0) {
    const message = `${r.errors.length === 1 ? "The authorisation" : `All ${r.errors.length} authorisations`} could not be stored; nothing was stored`;
    throw new AppError("validation_failed", message, r.errors.slice(0, 1000).map((e) => ({ path: `line ${e.line}`, message: e.message })), { created: 0, updated: 0, errors: r.errors });
  }
  return NextResponse.json(r, { status: r.created > 0 ? 201 : 200 });
}, { maxBody: MAX_BYTES });
