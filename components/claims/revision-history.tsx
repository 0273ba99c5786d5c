"use client";

import Link from "next/link";
import { useFormatter } from "@/components/format/format-provider";
import { Table, TBody, TD, TR, HeadRow, numeric } from "@/components/ui/table";
import type { ClaimDetail } from "@/lib/dal/claims/read-claims";
import { money } from "./money";
import { LatestBadge } from "@/components/history/latest-badge";

const SOURCES: Record<string, string> = { screen: "Screen", csv: "CSV", xlsx: "XLSX", x12: "X12 844", api: "API" };

/** Every revision of a claim, newest first; each opens as it was validated (`?revision=N`). */
export function RevisionHistory({ claimId, revisions, shown, latest, currency }: { claimId: string; revisions: ClaimDetail["revisions"]; shown: number; latest: number; currency: string | null }) {
  const f = useFormatter();
  return (
    <Table label="Revisions">
      <HeadRow columns={["Revision", "Submitted", "Source", numeric("Lines"), numeric("Claimed"), numeric("Payable")]} />
      <TBody>
        {revisions.map((r) => (
          <TR key={r.id} selected={r.revision === shown}>
            <TD className="whitespace-nowrap">
              {r.revision === shown ? (
                <span className="font-medium text-slate-900">Revision {r.revision}</span>
              ) : (
                <Link href={r.revision === latest ? `/claims/${claimId}` : `/claims/${claimId}?revision=${r.revision}`} className="font-medium text-indigo-700 hover:underline">
                  Revision {r.revision}
                </Link>
              )}
              {r.revision === latest ? <LatestBadge /> : null}
              {r.revision === shown ? <span className="ml-2 text-xs text-slate-600">(shown)</span> : null}
            </TD>
            <TD className="whitespace-nowrap">
              <time dateTime={r.submittedAt}>{f.dateTime(r.submittedAt)}</time>
            </TD>
            <TD>{SOURCES[r.source] ?? r.source}</TD>
            <TD numeric>{f.int(r.totals.lines)}</TD>
            <TD numeric>{money(f, r.totals.claimed, currency)}</TD>
            <TD numeric>{money(f, r.totals.payable, currency)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
