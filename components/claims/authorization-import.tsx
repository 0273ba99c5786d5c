"use client";

import { CsvImport } from "@/components/admin/csv-import";
import type { SaveAuthorizationsResult } from "@/lib/dal/claims/authorizations";
import { AUTHORIZATION_CSV_HEADER, AUTHORIZATION_CSV_MAX_BYTES } from "./authorization-csv";

/** CSV import of authorisations, then its report with the refused rows by line; the table refreshes. */
export function AuthorizationImport({ endpoint }: { endpoint: string }) {
  return (
    <CsvImport<SaveAuthorizationsResult>
      endpoint={endpoint}
      maxBytes={AUTHORIZATION_CSV_MAX_BYTES}
      header={AUTHORIZATION_CSV_HEADER.join(", ")}
      submitLabel="Import authorisations"
      statsClassName="grid grid-cols-3 gap-4"
      numbering="sell-in"
      downloadName="authorisations-rejected-rows.csv"
    />
  );
}
