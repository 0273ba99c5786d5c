"use client";

import { RowLink } from "@/components/ui/row-link";
import { useFormatter } from "@/components/format/format-provider";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TFoot, TR, HeadRow } from "@/components/ui/table";
import type { ClaimSummary } from "@/lib/dal/claims/read-claims";
import { CurrencySums } from "./currency-sums";
import { CLAIM_SUMMARY_HEADS } from "./claim-summary-heads";
import { money } from "./money";

export interface QueueRow extends ClaimSummary {
  /** The claim's currency (its distributor's authorisations'); null when they use several. */
  currency: string | null;
}

const KEYS = ["claimed", "approved", "adjusted", "rejected", "payable"] as const;
const amountsOf = (c: ClaimSummary) => ({
  claimed: c.totals.claimed, approved: c.totals.approved.amount, adjusted: c.totals.adjusted.amount,
  rejected: c.totals.rejected.claimed, payable: c.totals.payable,
});

/** The rebate team's queue: one row per claim (its latest revision), with totals per currency. */
export function ClaimQueueTable({ rows }: { rows: QueueRow[] }) {
  const f = useFormatter();
  const sums = new CurrencySums(KEYS);
  for (const c of rows) sums.add(c.currency ?? "—", amountsOf(c));
  const lines = (n: number) => <span className="block text-xs font-normal text-slate-600">{n === 1 ? "1 line" : `${f.int(n)} lines`}</span>;
  return (
    <Table label="Claims" stickyHeader data-testid="claim-queue">
      <HeadRow columns={["Distributor", "Period", ...CLAIM_SUMMARY_HEADS, "Status"]} />
      <TBody>
        {rows.map((c) => (
          <TR key={c.id} data-testid="claim-row" data-claim={c.id}>
            <TD className="min-w-44">
              <RowLink href={`/claims/${c.id}`} className="font-medium text-indigo-700 hover:underline">
                {c.distributor.code} · {c.distributor.name}
              </RowLink>
            </TD>
            <TD className="whitespace-nowrap">{f.period(c.period)}</TD>
            <TD className="whitespace-nowrap">{c.reference ?? <span className="text-slate-500">—</span>}</TD>
            <TD numeric>{c.revision}</TD>
            <TD className="whitespace-nowrap">
              <time dateTime={c.submittedAt}>{f.dateTime(c.submittedAt)}</time>
            </TD>
            <TD numeric>{f.int(c.totals.lines)}</TD>
            <TD numeric data-col="claimed">{money(f, c.totals.claimed, c.currency)}</TD>
            <TD numeric data-col="approved">
              {money(f, c.totals.approved.amount, c.currency)}
              {lines(c.totals.approved.lines)}
            </TD>
            <TD numeric data-col="adjusted">
              {money(f, c.totals.adjusted.amount, c.currency)}
              {lines(c.totals.adjusted.lines)}
            </TD>
            <TD numeric data-col="rejected">
              {money(f, c.totals.rejected.claimed, c.currency)}
              {lines(c.totals.rejected.lines)}
            </TD>
            <TD numeric data-col="payable" className="font-semibold text-slate-900">
              {money(f, c.totals.payable, c.currency)}
            </TD>
            <TD className="whitespace-nowrap">
              {c.status === "awaiting_approval" ? (
                <Badge tone="amber" dot>
                  Awaiting approval{c.pendingOverrides > 1 ? ` · ${c.pendingOverrides}` : ""}
                </Badge>
              ) : (
                <Badge tone="neutral">Validated</Badge>
              )}
              {c.currency === null ? <span className="block text-xs text-slate-600">Several currencies</span> : null}
            </TD>
          </TR>
        ))}
      </TBody>
      <TFoot>
        {sums.rows().map((t) => (
          <tr key={t.currency} data-testid={`claim-total-${t.currency}`}>
            <TD colSpan={6}>
              Total{t.currency === "—" ? " (several currencies)" : ` in ${t.currency}`} · {f.int(t.count)} claim{t.count === 1 ? "" : "s"}
            </TD>
            {KEYS.map((k) => (
              <TD key={k} numeric data-col={k}>
                {money(f, t[k], t.currency === "—" ? null : t.currency)}
              </TD>
            ))}
            <TD />
          </tr>
        ))}
      </TFoot>
    </Table>
  );
}
