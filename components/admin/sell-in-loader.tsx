"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { CsvUpload, type UploadResult } from "./csv-upload";
import { RejectedRows } from "./rejected-rows";

export interface SellInReport {
  loaded: number;
  duplicates: number;
  errors: { line: number; message: string }[];
}

export interface SellInLoaderProps {
  maxBytes: number;
  header: string;
}

/** Upload an ERP shipment file and read what happened to every row. */
export function SellInLoader({ maxBytes, header }: SellInLoaderProps) {
  const router = useRouter();
  const [result, setResult] = useState<UploadResult<SellInReport> | null>(null);

  return (
    <div className="space-y-6">
      <CsvUpload<SellInReport>
        endpoint="/api/v1/sell-in"
        maxBytes={maxBytes}
        header={header}
        submitLabel="Load sell-in"
        pendingLabel="Loading…"
        onResult={(r) => {
          setResult(r);
          router.refresh();
        }}
      />
      {result ? <SellInReportView key={result.file.name + result.report.loaded + result.report.duplicates} result={result} /> : null}
    </div>
  );
}

function SellInReportView({ result }: { result: UploadResult<SellInReport> }) {
  const { report, file } = result;
  const rejected = report.errors.length;
  return (
    <Card aria-labelledby="sell-in-report-title" data-testid="sell-in-report">
      <CardHeader
        title={<span id="sell-in-report-title">Load report</span>}
        description={
          <>
            {file.name} ·{" "}
            {report.loaded > 0
              ? "the new lines are in the ledger; gaps and compliance use them now"
              : report.duplicates > 0
                ? "nothing new: every valid line had been loaded before"
                : "nothing was loaded"}
          </>
        }
      />
      <CardBody className="space-y-5">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3" aria-live="polite">
          <div data-testid="stat-loaded"><Stat label="Loaded" value={report.loaded} hint="new shipment lines" /></div>
          <div data-testid="stat-duplicates"><Stat label="Duplicates" value={report.duplicates} hint="already loaded (same document and line), skipped" /></div>
          <div data-testid="stat-rejected"><Stat label="Rejected" value={rejected} hint={rejected ? "listed below by line" : "none"} /></div>
        </div>
        {rejected ? (
          <RejectedRows errors={report.errors} file={file} numbering="sell-in" downloadName="sell-in-rejected-rows.csv" />
        ) : null}
      </CardBody>
    </Card>
  );
}
