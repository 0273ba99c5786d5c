import { importDistributorsCsv } from "@/lib/dal/admin/import-distributors-csv";
import { adminCsvImportRoute } from "@/lib/http/admin-csv-import-route";

/** The distributors CSV import of /admin/distributors: the file is the body; answers the import report. */
export const POST = adminCsvImportRoute(importDistributorsCsv);
