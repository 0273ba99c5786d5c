import type { ClaimTotals } from "@/lib/domain/claims/totals";
import { getFormatter } from "@/lib/format/request-format";
import { CLAIM_CURRENCY } from "./claim-money";

/** Said once, right after sending: the claim is stored and judged line by line. */
export async function SubmittedBanner({ revision, totals }: { revision: number; totals: ClaimTotals }) {
  const f = await getFormatter();
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950" data-testid="claim-submitted">
      <p className="font-semibold">{revision === 1 ? "Claim received." : `Revision ${revision} received.`}</p>
      <p>
        {totals.lines} {totals.lines === 1 ? "line was" : "lines were"} checked against your authorisations and reported sales: {totals.approved.lines} approved,{" "}
        {totals.adjusted.lines} adjusted, {totals.rejected.lines} rejected. Payable {f.money(totals.payable, CLAIM_CURRENCY)}.
        {totals.rejected.lines + totals.adjusted.lines > 0 ? " Each line below says why; correct what you can and resubmit." : ""}
      </p>
    </div>
  );
}
