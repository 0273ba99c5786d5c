"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Stat } from "@/components/ui/stat";
import type { CsvImportReport } from "@/lib/validation/admin-csv";
import { CsvUpload, type UploadResult } from "./csv-upload";
import { RejectedRows } from "./rejected-rows";

export interface CatalogueImportProps {
  endpoint: string;
  maxBytes: number;
  header: string;
  /** "products" or "distributors": used in labels and the download name. */
  noun: string;
}

/** CSV import of products or distributors, then its report; the table on the page refreshes. */
export function CatalogueImport({ endpoint, maxBytes, header, noun }: CatalogueImportProps) {
  const router = useRouter();
  const [result, setResult] = useState<UploadResult<CsvImportReport> | null>(null);
  const r = result?.report;
  return (
    <div className="space-y-4">
      <CsvUpload<CsvImportReport>
        endpoint={endpoint}
        maxBytes={maxBytes}
        header={header}
        submitLabel={`Import ${noun}`}
        pendingLabel="Importing…"
        onResult={(res) => {
          setResult(res);
          router.refresh();
        }}
      />
      {r && result ? (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="import-report">
          <p className="text-sm font-semibold text-slate-900">Import report · {result.file.name}</p>
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-live="polite">
            {(
              [
                ["Created", r.created],
                ["Updated", r.updated],
                ["Unchanged", r.unchanged],
                ["Rejected", r.errors.length],
              ] as const
            ).map(([label, value]) => (
              <div key={label} data-testid={`stat-${label.toLowerCase()}`}>
                <Stat label={label} value={value} />
              </div>
            ))}
          </div>
          {r.errors.length ? (
            <RejectedRows errors={r.errors} file={result.file} numbering="catalogue" downloadName={`${noun}-rejected-rows.csv`} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
