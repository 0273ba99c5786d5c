import type { ClaimTotals } from "@/lib/domain/claims/totals";
import { getFormatter } from "@/lib/format/request-format";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { CLAIM_CURRENCY } from "./claim-money";

const lines = (n: number) => `${n} ${n === 1 ? "line" : "lines"}`;

/** What was claimed and what the manufacturer pays: approved + adjusted amounts. */
export async function ClaimTotalsCard({ totals }: { totals: ClaimTotals }) {
  const f = await getFormatter();
  const money = (v: string) => f.money(v, CLAIM_CURRENCY);
  return (
    <Card className="grid grid-cols-2 gap-4 px-4 py-4 sm:grid-cols-5" data-testid="claim-totals">
      <Stat label="Claimed" value={money(totals.claimed)} hint={`${lines(totals.lines)} · ${f.int(totals.quantity)} units`} />
      <Stat label="Approved" value={money(totals.approved.amount)} hint={lines(totals.approved.lines)} />
      <Stat label="Adjusted" value={money(totals.adjusted.amount)} hint={`${lines(totals.adjusted.lines)} · claimed ${money(totals.adjusted.claimed)}`} />
      <Stat label="Rejected" value={money(totals.rejected.claimed)} hint={`${lines(totals.rejected.lines)} not paid`} />
      <Stat label="Payable" value={money(totals.payable)} hint="Approved + adjusted" className="col-span-2 sm:col-span-1" />
    </Card>
  );
}
