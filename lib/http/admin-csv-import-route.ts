import { NextResponse } from "next/server";
import type { Db } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { requireRole } from "@/lib/dal/authorize";
import { CATALOGUE_CSV_MAX_BYTES } from "@/lib/validation/admin-csv";
import { apiRoute, readBodyLimited } from "./api-route";

/**
 * The POST handler of an admin CSV import page (/admin/products/import, /admin/distributors/import):
 * admins only, same-origin (apiRoute: same-origin.ts), the file is the body (size-limited); answers the import's report.
 */
export function adminCsvImportRoute<R>(importCsv: (db: Db, viewer: Viewer, text: string) => Promise<R>) {
  return apiRoute(async ({ req, db, viewer }) => {
    requireRole(viewer, ["admin"]);
    const text = await readBodyLimited(req, CATALOGUE_CSV_MAX_BYTES);
    return NextResponse.json(await importCsv(db, viewer, text));
  }, { maxBody: CATALOGUE_CSV_MAX_BYTES });
}
