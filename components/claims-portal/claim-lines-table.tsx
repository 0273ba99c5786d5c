import { Fragment } from "react";
import type { ClaimLineView } from "@/lib/dal/claims/read-claims";
import { getFormatter } from "@/lib/format/request-format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, HeadRow, numeric, type Column } from "@/components/ui/table";
import { CLAIM_CURRENCY } from "./claim-money";
import { OutcomeBadge } from "@/components/claims/outcome-badge";

const HEADS: Column[] = [
  numeric("Line"), "Outcome", "Authorisation · end customer", "Invoice · ship date", "SKU",
  numeric("Quantity"), numeric("Book cost"), numeric("Authorised cost"), numeric("Claimed"), numeric("Paid"),
];
const COLUMNS = HEADS.length;
const top = "border-b-0 pb-1 align-top";

/**
 * Each line as sent and as judged: the outcome and what is paid on one row, the reason code and the
 * sentence that says what to do on the row under it — kept in view when a phone scrolls the table sideways.
 */
export async function ClaimLinesTable({ lines, caption }: { lines: ClaimLineView[]; caption: string }) {
  const f = await getFormatter();
  const money = (v: string) => f.money(v, CLAIM_CURRENCY);
  const cost = (v: string) => f.number(Number(v), { digits: 2, maxDigits: 4 });
  return (
    <Table label={caption} data-testid="claim-lines">
      <HeadRow columns={HEADS} />
      <TBody>
        {lines.map((l) => (
          <Fragment key={l.line}>
            <tr data-line={l.line} data-outcome={l.outcome}>
              <TH scope="row" numeric className={`${top} font-medium`}>
                {l.line}
              </TH>
              <TD className={top}>
                <OutcomeBadge outcome={l.outcome} />
              </TD>
              <TD className={top}>
                <span className="whitespace-nowrap">{l.authorization}</span>
                <span className="block max-w-64 truncate text-xs text-slate-600" title={l.endCustomer}>
                  {l.endCustomer}
                </span>
              </TD>
              <TD className={top}>
                <span className="whitespace-nowrap">
                  {l.invoice}
                  {l.invoiceLine ? <span className="text-slate-600"> / {l.invoiceLine}</span> : null}
                </span>
                <span className="block text-xs whitespace-nowrap text-slate-600">{f.date(l.shipDate)}</span>
              </TD>
              <TD className={`${top} whitespace-nowrap`}>{l.sku}</TD>
              <TD numeric className={top}>
                {l.outcome === "adjusted" && l.approvedQuantity !== l.quantity ? (
                  <>
                    {f.int(l.approvedQuantity)}
                    <span className="block text-xs text-slate-600">of {f.int(l.quantity)}</span>
                  </>
                ) : (
                  f.int(l.quantity)
                )}
              </TD>
              <TD numeric className={top}>
                {cost(l.bookCost)}
              </TD>
              <TD numeric className={top}>
                {cost(l.authorizedCost)}
              </TD>
              <TD numeric className={top}>
                {money(l.claimedAmount)}
              </TD>
              <TD numeric className={`${top} font-semibold`}>
                {money(l.approvedAmount)}
              </TD>
            </tr>
            <tr data-reason-of={l.line}>
              <td colSpan={COLUMNS} className="border-b border-slate-200 px-3 pt-0 pb-2.5">
                <p className="sticky left-3 max-w-[calc(100vw-5rem)] text-sm text-slate-700 sm:max-w-3xl" data-testid="line-reason">
                  {l.reasonCode ? <code className="mr-1.5 rounded bg-slate-100 px-1 py-0.5 text-xs font-medium text-slate-800">{l.reasonCode}</code> : null}
                  {l.message}
                  {l.pendingOverride ? (
                    <Badge tone="blue" className="ml-2">
                      Under review by the manufacturer
                    </Badge>
                  ) : null}
                </p>
              </td>
            </tr>
          </Fragment>
        ))}
      </TBody>
    </Table>
  );
}
