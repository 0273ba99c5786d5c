import { NextResponse } from "next/server";
import { requireRole } from "@/lib/dal/authorize";
import { importAuthorizationsCsv } from "@/lib/dal/claims/authorizations";
import { apiRoute, readBodyLimited } from "@/lib/http/api-route";
import { AUTHORIZATION_CSV_MAX_BYTES } from "@/components/claims/authorization-csv";

/**
 * POST /authorizations/import — the CSV import of the authorisations screen: the file is the body
 * (same-origin, staff who issue authorisations); answers `{ created, updated, errors: [{ line, message }] }`.
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["rebate_analyst", "channel_manager", "admin"]);
  const text = await readBodyLimited(req, AUTHORIZATION_CSV_MAX_BYTES);
  return NextResponse.json(await importAuthorizationsCsv(db, viewer, text));
}, { maxBody: AUTHORIZATION_CSV_MAX_BYTES });
