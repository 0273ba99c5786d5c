"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Stat } from "@/components/ui/stat";
import { CsvUpload, type UploadResult } from "./csv-upload";
import { RejectedRows, type LineNumbering, type RejectedRow } from "./rejected-rows";

/** What an import answers: rows created and updated, unchanged ones where it counts them, and the refused rows by line. */
export interface ImportReport {
  created: number;
  updated: number;
  unchanged?: number;
  errors: RejectedRow[];
}

export interface CsvImportProps {
  endpoint: string;
  maxBytes: number;
  header: string;
  submitLabel: string;
  /** Whether the report counts the rows left unchanged. */
  countsUnchanged?: boolean;
  /** Classes of the grid of counts. */
  statsClassName: string;
  numbering: LineNumbering;
  /** File name of the rejected rows' download. */
  downloadName: string;
}

/** A CSV import, then its report: the counts and the refused rows; the table on the page refreshes. */
export function CsvImport<R extends ImportReport>({ endpoint, maxBytes, header, submitLabel, countsUnchanged = false, statsClassName, numbering, downloadName }: CsvImportProps) {
  const router = useRouter();
  const [result, setResult] = useState<UploadResult<R> | null>(null);
  const r = result?.report;
  return (
    <div className="space-y-4">
      <CsvUpload<R>
        endpoint={endpoint}
        maxBytes={maxBytes}
        header={header}
        submitLabel={submitLabel}
        pendingLabel="Importing…"
        onResult={(res) => {
          setResult(res);
          router.refresh();
        }}
      />
      {r && result ? (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="import-report">
          <p className="text-sm font-semibold text-slate-900">Import report · {result.file.name}</p>
          <div className={statsClassName} aria-live="polite">
            {[
              ["Created", r.created] as const,
              ["Updated", r.updated] as const,
              ...(countsUnchanged ? [["Unchanged", r.unchanged] as const] : []),
              ["Rejected", r.errors.length] as const,
            ].map(([label, value]) => (
              <div key={label} data-testid={`stat-${label.toLowerCase()}`}>
                <Stat label={label} value={value} />
              </div>
            ))}
          </div>
          {r.errors.length ? <RejectedRows errors={r.errors} file={result.file} numbering={numbering} downloadName={downloadName} /> : null}
        </div>
      ) : null}
    </div>
  );
}
