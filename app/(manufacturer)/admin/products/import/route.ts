import { importProductsCsv } from "@/lib/dal/admin/import-products-csv";
import { adminCsvImportRoute } from "@/lib/http/admin-csv-import-route";

/** The products CSV import of /admin/products: the file is the body; answers the import report. */
export const POST = adminCsvImportRoute(importProductsCsv);
