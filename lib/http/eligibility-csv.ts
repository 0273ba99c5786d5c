/** The eligibility table as formula-injection-safe CSV (one row per distributor). */
import { toCsv } from "./csv";
import type { Eligibility } from "@/lib/dal/rebates/get-eligibility";

export function eligibilityCsv(e: Eligibility): string {
  const header = [
    "programme", "from", "to", "distributor", "name", "eligible", "amount", "reasons", "timeliness", "completeness", "accuracy",
    "sell_through_value", "frozen", "frozen_at", "frozen_by", "changed_since_frozen",
  ];
  const rows = e.rows.map((r) => [
    e.program.name, e.program.fromPeriod, e.program.toPeriod, r.distributor, r.distributorName, r.eligible ? "yes" : "no", r.amount,
    r.reasons.join("; "), ...r.rules.map((x) => `${x.pass ? "pass" : "fail"}: ${x.detail}`), r.sellThroughValue,
    r.frozen ? "yes" : "no", r.frozenAt ?? "", r.frozenBy ?? "", r.changedSinceFrozen ? "yes" : "no",
  ]);
  return toCsv(header, rows);
}
