import { NextResponse } from "next/server";
import { apiRoute, readBodyLimited } from "@/lib/http/api-route";
import { requireRole } from "@/lib/dal/authorize";
import { importDistributorsCsv } from "@/lib/dal/admin/import-distributors-csv";
import { CATALOGUE_CSV_MAX_BYTES } from "@/lib/validation/admin-csv";
import { forbidden } from "@/lib/errors";

/** A browser names the page's origin on a POST; one from another site is refused (no origin: a script, allowed). */
function sameOrigin(origin: string | null, host: string | null): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The distributors CSV import of /admin/distributors: the file is the body; answers the import report. */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["admin"]);
  if (!sameOrigin(req.headers.get("origin"), req.headers.get("x-forwarded-host") ?? req.headers.get("host"))) throw forbidden("Cross-site upload refused");
  const text = await readBodyLimited(req, CATALOGUE_CSV_MAX_BYTES);
  return NextResponse.json(await importDistributorsCsv(db, viewer, text));
});
