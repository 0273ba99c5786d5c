import { RowLink } from "@/components/ui/row-link";
import type { ClaimSummary } from "@/lib/dal/claims/read-claims";
import { getFormatter } from "@/lib/format/request-format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, TR, HeadRow } from "@/components/ui/table";
import { LocalTime } from "@/components/history/local-time";
import { CLAIM_SUMMARY_HEADS } from "@/components/claims/claim-summary-heads";
import { CLAIM_CURRENCY } from "./claim-money";
import { sourceText } from "./claim-source";

const lines = (n: number) => `${n} ${n === 1 ? "line" : "lines"}`;
const linkClass = "font-medium text-indigo-700 underline-offset-2 hover:underline";

/** The distributor's claims, newest period first: what was claimed and what it came to. */
export async function ClaimsTable({ rows }: { rows: ClaimSummary[] }) {
  const f = await getFormatter();
  const money = (v: string) => f.money(v, CLAIM_CURRENCY);
  return (
    <Table label="Your claims" data-testid="claims-table">
      <HeadRow columns={["Period", ...CLAIM_SUMMARY_HEADS]} />
      <TBody>
        {rows.map((c) => (
          <TR key={c.id} data-claim={c.id}>
            <TH scope="row" className="font-medium whitespace-nowrap">
              <RowLink href={`/my-claims/${c.id}`} className={linkClass}>
                {f.period(c.period)}
              </RowLink>
              {/* On a phone the amounts are off to the right: what is paid, under the period. */}
              <span className="block text-xs font-normal text-slate-600 sm:hidden">payable {money(c.totals.payable)}</span>
            </TH>
            <TD className="whitespace-nowrap">
              {c.reference ?? <span className="text-slate-600">—</span>}
              {c.status === "awaiting_approval" ? (
                <Badge tone="blue" className="ml-2">
                  Under review
                </Badge>
              ) : null}
            </TD>
            <TD numeric>{c.revision}</TD>
            <TD className="whitespace-nowrap">
              <LocalTime iso={c.submittedAt} />
              <span className="block text-xs text-slate-600">{sourceText(c.source, c.fileName)}</span>
            </TD>
            <TD numeric>{f.int(c.totals.lines)}</TD>
            <TD numeric>{money(c.totals.claimed)}</TD>
            <TD numeric>
              {money(c.totals.approved.amount)}
              <span className="block text-xs text-slate-600">{lines(c.totals.approved.lines)}</span>
            </TD>
            <TD numeric>
              {money(c.totals.adjusted.amount)}
              <span className="block text-xs text-slate-600">{lines(c.totals.adjusted.lines)}</span>
            </TD>
            <TD numeric>
              {money(c.totals.rejected.claimed)}
              <span className="block text-xs text-slate-600">{lines(c.totals.rejected.lines)}</span>
            </TD>
            <TD numeric className="font-semibold">
              {money(c.totals.payable)}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
