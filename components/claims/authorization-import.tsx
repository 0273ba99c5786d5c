"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Stat } from "@/components/ui/stat";
import { CsvUpload, type UploadResult } from "@/components/admin/csv-upload";
import { RejectedRows } from "@/components/admin/rejected-rows";
import type { SaveAuthorizationsResult } from "@/lib/dal/claims/authorizations";
import { AUTHORIZATION_CSV_HEADER, AUTHORIZATION_CSV_MAX_BYTES } from "./authorization-csv";

/** CSV import of authorisations, then its report with the refused rows by line; the table refreshes. */
export function AuthorizationImport({ endpoint }: { endpoint: string }) {
  const router = useRouter();
  const [result, setResult] = useState<UploadResult<SaveAuthorizationsResult> | null>(null);
  const r = result?.report;
  return (
    <div className="space-y-4">
      <CsvUpload<SaveAuthorizationsResult>
        endpoint={endpoint}
        maxBytes={AUTHORIZATION_CSV_MAX_BYTES}
        header={AUTHORIZATION_CSV_HEADER.join(", ")}
        submitLabel="Import authorisations"
        pendingLabel="Importing…"
        onResult={(res) => {
          setResult(res);
          router.refresh();
        }}
      />
      {r && result ? (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="import-report">
          <p className="text-sm font-semibold text-slate-900">Import report · {result.file.name}</p>
          <div className="grid grid-cols-3 gap-4" aria-live="polite">
            {(
              [
                ["Created", r.created],
                ["Updated", r.updated],
                ["Rejected", r.errors.length],
              ] as const
            ).map(([label, value]) => (
              <div key={label} data-testid={`stat-${label.toLowerCase()}`}>
                <Stat label={label} value={value} />
              </div>
            ))}
          </div>
          {r.errors.length ? <RejectedRows errors={r.errors} file={result.file} numbering="sell-in" downloadName="authorisations-rejected-rows.csv" /> : null}
        </div>
      ) : null}
    </div>
  );
}
