import { RowLink } from "@/components/ui/row-link";
import type { HistoryRow } from "@/lib/dal/submissions/list-submission-history";
import { getFormatter } from "@/lib/format/request-format";
import { Num } from "@/components/ui/num";
import { Table, TBody, TD, TH, TR, HeadRow, numeric, unseenHead } from "@/components/ui/table";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

const linkClass = "font-medium text-indigo-700 underline-offset-2 hover:underline";

/** Every period of the distributor, newest first, with its status and submissions. */
export async function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  const f = await getFormatter();
  return (
    <Table label="Reporting periods">
      <HeadRow columns={["Period", "Status", "Due", numeric("Revisions"), "First submitted", "Latest submitted", unseenHead("Links")]} />
      <TBody>
        {rows.map((row) => {
          const label = f.period(row.period);
          return (
            <TR key={row.period} data-period={row.period}>
              <TH scope="row" className="font-medium">
                <RowLink href={`/history/${row.period}`} className={linkClass}>
                  {label}
                </RowLink>
                <span className="ml-2 text-xs font-normal text-slate-600 tabular-nums">{row.period}</span>
                {row.state === "closed" ? <span className="ml-2 text-xs font-normal text-slate-600">(closed)</span> : null}
              </TH>
              <TD>
                <StatusBadge status={row.status} daysLate={row.daysLate} missingSkus={row.missingSkus} />
              </TD>
              <TD className="whitespace-nowrap text-slate-700">
                <LocalTime iso={row.dueAt} dateOnly />
              </TD>
              <TD numeric>
                <Num value={row.revisions} />
              </TD>
              <TD className="whitespace-nowrap">
                {row.firstSubmittedAt ? <LocalTime iso={row.firstSubmittedAt} /> : <span className="text-slate-600">Not submitted</span>}
              </TD>
              <TD className="whitespace-nowrap">
                {row.latestSubmittedAt ? (
                  <>
                    <LocalTime iso={row.latestSubmittedAt} />
                    {row.latestSubmittedBy ? <span className="block text-xs text-slate-600">by {row.latestSubmittedBy}</span> : null}
                  </>
                ) : (
                  <span className="text-slate-600">—</span>
                )}
              </TD>
              <TD className="whitespace-nowrap text-right">
                {row.revisions > 0 ? (
                  <span className="inline-flex gap-3">
                    <RowLink href={`/history/${row.period}/${row.revisions}`} className={linkClass}>
                      Revision {row.revisions}
                      <span className="sr-only"> of {label}</span>
                    </RowLink>
                    <RowLink href={`/history/${row.period}`} className={linkClass}>
                      All revisions
                      <span className="sr-only"> of {label}</span>
                    </RowLink>
                  </span>
                ) : row.state === "open" ? (
                  <RowLink href={`/submit?period=${row.period}`} className={linkClass}>
                    Submit
                    <span className="sr-only"> {label}</span>
                  </RowLink>
                ) : null}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
