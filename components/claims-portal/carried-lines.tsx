import type { ClaimLineView } from "@/lib/dal/claims/read-claims";
import { getFormatter } from "@/lib/format/request-format";
import { CLAIM_CURRENCY } from "./claim-money";

/** The approved lines a correction keeps as they were (folded: nothing to do on them). */
export async function CarriedLines({ lines }: { lines: ClaimLineView[] }) {
  const f = await getFormatter();
  return (
    <details className="rounded-lg border border-slate-200 bg-white shadow-xs" data-testid="carried-lines">
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-900">
        {lines.length} approved {lines.length === 1 ? "line is" : "lines are"} carried into the new revision as {lines.length === 1 ? "it was" : "they were"} (
        {f.money(lines.reduce((n, l) => n + Number(l.approvedAmount), 0), CLAIM_CURRENCY)})
      </summary>
      <ul className="divide-y divide-slate-100 border-t border-slate-200 text-sm">
        {lines.map((l) => (
          <li key={l.line} className="flex flex-wrap justify-between gap-x-4 px-4 py-2">
            <span>
              <span className="font-medium tabular-nums">Line {l.line}</span> · {l.authorization} · {l.invoice}
              {l.invoiceLine ? ` / ${l.invoiceLine}` : ""} · {l.sku} · {f.int(l.quantity)} units
            </span>
            <span className="tabular-nums">{f.money(l.claimedAmount, CLAIM_CURRENCY)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
