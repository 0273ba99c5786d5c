import { NextResponse } from "next/server";
import type { Db } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { requireRole } from "@/lib/dal/authorize";
import { forbidden } from "@/lib/errors";
import { CATALOGUE_CSV_MAX_BYTES } from "@/lib/validation/admin-csv";
import { apiRoute, readBodyLimited } from "./api-route";

/** A browser names the page's origin on a POST; one from another site is refused (no origin: a script, allowed). */
function sameOrigin(origin: string | null, host: string | null): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The POST handler of an admin CSV import page (/admin/products/import, /admin/distributors/import):
 * admins only, same-origin, the file is the body (size-limited); answers the import's report.
 */
export function adminCsvImportRoute<R>(importCsv: (db: Db, viewer: Viewer, text: string) => Promise<R>) {
  return apiRoute(async ({ req, db, viewer }) => {
    requireRole(viewer, ["admin"]);
    if (!sameOrigin(req.headers.get("origin"), req.headers.get("x-forwarded-host") ?? req.headers.get("host"))) throw forbidden("Cross-site upload refused");
    const text = await readBodyLimited(req, CATALOGUE_CSV_MAX_BYTES);
    return NextResponse.json(await importCsv(db, viewer, text));
  }, { maxBody: CATALOGUE_CSV_MAX_BYTES });
}
