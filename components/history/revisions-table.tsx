import { RowLink } from "@/components/ui/row-link";
import { QUALITY_PARTS, QUALITY_PART_LABELS } from "@/lib/domain/quality";
import type { RevisionSummary } from "@/lib/dal/submissions/list-revisions";
import { Num } from "@/components/ui/num";
import { Table, TBody, TD, TH, TR, HeadRow, numeric } from "@/components/ui/table";
import { LocalTime } from "./local-time";
import { LatestBadge } from "./latest-badge";
import { sourceLabel } from "./status-badge";

const linkClass = "font-medium text-indigo-700 underline-offset-2 hover:underline";

/** The revisions of one period, newest first. */
export function RevisionsTable({ period, revisions }: { period: string; revisions: RevisionSummary[] }) {
  const latest = revisions[0]?.revision;
  return (
    <Table label={`Revisions of ${period}`}>
      <HeadRow columns={["Revision", "Submitted", "By", "Source", numeric("Lines"), numeric("Sold"), numeric("Returned"), numeric("On hand"), numeric("Quality")]} />
      <TBody>
        {revisions.map((r) => (
          <TR key={r.revision} data-revision={r.revision}>
            <TH scope="row">
              <RowLink href={`/history/${period}/${r.revision}`} className={linkClass}>
                Revision {r.revision}
              </RowLink>
              {r.revision === latest ? <LatestBadge /> : null}
            </TH>
            <TD className="whitespace-nowrap">
              <LocalTime iso={r.submittedAt} />
            </TD>
            <TD>{r.submittedBy}</TD>
            <TD>{sourceLabel(r.source)}</TD>
            <TD numeric>
              <Num value={r.lineCount} />
            </TD>
            <TD numeric>
              <Num value={r.totals.sold} />
            </TD>
            <TD numeric>
              <Num value={r.totals.returned} />
            </TD>
            <TD numeric>
              <Num value={r.totals.onHand} />
            </TD>
            <TD numeric title={r.quality ? QUALITY_PARTS.map((p) => `${QUALITY_PART_LABELS[p]} ${r.quality!.parts[p]}`).join(" · ") : "Stored before quality scores existed"}>
              {r.quality ? `${r.quality.score}/100` : "—"}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
