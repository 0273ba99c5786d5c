"use client";

import type { CsvImportReport } from "@/lib/validation/admin-csv";
import { CsvImport } from "./csv-import";

export interface CatalogueImportProps {
  endpoint: string;
  maxBytes: number;
  header: string;
  /** "products" or "distributors": used in labels and the download name. */
  noun: string;
}

/** CSV import of products or distributors, then its report; the table on the page refreshes. */
export function CatalogueImport({ endpoint, maxBytes, header, noun }: CatalogueImportProps) {
  return (
    <CsvImport<CsvImportReport>
      endpoint={endpoint}
      maxBytes={maxBytes}
      header={header}
      submitLabel={`Import ${noun}`}
      countsUnchanged
      statsClassName="grid grid-cols-2 gap-4 sm:grid-cols-4"
      numbering="catalogue"
      downloadName={`${noun}-rejected-rows.csv`}
    />
  );
}
