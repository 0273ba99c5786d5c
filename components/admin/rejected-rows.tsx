"use client";

import { useState } from "react";
import { useFormatter } from "@/components/format/format-provider";
import Papa from "papaparse";
import { toCsv } from "@/lib/http/csv";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export interface RejectedRow {
  line: number;
  message: string;
}

/**
 * How the server numbered the rows: "sell-in" counts parsed data rows (blank lines dropped),
 * "catalogue" counts the file's lines (blank lines and quoted line breaks included).
 */
export type LineNumbering = "sell-in" | "catalogue";

const SHOWN = 200;

/** The file's own rows by the line numbers the server reported, with the file's header. */
function originalRows(text: string, numbering: LineNumbering): { header: string[]; byLine: Map<number, string[]> } {
  const clean = text.replace(/^\uFEFF/, "");
  const byLine = new Map<number, string[]>();
  if (numbering === "sell-in") {
    const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: "greedy" });
    const [header = [], ...rows] = parsed.data;
    rows.forEach((r, i) => byLine.set(i + 2, r));
    return { header, byLine };
  }
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  let line = 1;
  for (const cells of rows) {
    line += 1;
    if (cells.every((c) => String(c).trim() === "")) continue;
    byLine.set(line, cells);
    for (const c of cells) line += (String(c).match(/\r\n|\r|\n/g) ?? []).length;
  }
  return { header, byLine };
}

export interface RejectedRowsProps {
  errors: RejectedRow[];
  file: File;
  numbering: LineNumbering;
  /** Download file name, e.g. "sell-in-rejected-rows.csv". */
  downloadName: string;
}

/** The rows a load refused, by line and reason, with a formula-safe CSV of them (and their values). */
export function RejectedRows({ errors, file, numbering, downloadName }: RejectedRowsProps) {
  const [busy, setBusy] = useState(false);
  const f = useFormatter();

  async function download() {
    setBusy(true);
    try {
      const { header, byLine } = originalRows(await file.text(), numbering);
      const body = toCsv(
        ["line", "reason", ...header],
        errors.map((e) => [e.line, e.message, ...(byLine.get(e.line) ?? [])]),
      );
      const url = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = downloadName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          Rejected rows <span className="font-normal text-slate-600 tabular-nums">({f.int(errors.length)})</span>
        </h3>
        <Button variant="secondary" size="sm" onClick={download} pending={busy}>
          Download rejected rows CSV
        </Button>
      </div>
      <Table label="Rejected rows" stickyHeader maxHeight="24rem">
        <THead>
          <tr>
            <TH numeric className="w-20">
              Line
            </TH>
            <TH>Reason</TH>
          </tr>
        </THead>
        <TBody>
          {errors.slice(0, SHOWN).map((e) => (
            <TR key={e.line}>
              <TD numeric>{e.line}</TD>
              <TD>{e.message}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {errors.length > SHOWN ? (
        <p className="text-xs text-slate-600">
          The first {SHOWN} are shown; the download holds all {f.int(errors.length)}.
        </p>
      ) : null}
    </div>
  );
}
