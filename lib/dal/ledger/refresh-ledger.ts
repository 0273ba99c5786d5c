import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { ledgerSelect, type LedgerScope } from "./ledger-sql";

export const LEDGER_COLUMNS = `distributor_id, product_id, period, opening, sell_in, sell_through, returns, adjustments, calculated,
  reported, gap, gap_pct, new_gap, weeks_of_supply, sell_through_3, sell_in_3, sell_through_prior_3, flags`;

function scopeWhere(scope: LedgerScope): SQL {
  const parts: SQL[] = [sql`true`];
  if (scope.distributorIds) parts.push(sql`distributor_id = any(${sql.param(scope.distributorIds)}::int[])`);
  if (scope.productIds) parts.push(sql`product_id = any(${sql.param(scope.productIds)}::int[])`);
  return sql.join(parts, sql` and `);
}

/**
 * Recomputes the ledger for a scope (by default everything) from the whole history, through
 * `lastPeriod` ("YYYY-MM-01"). Not on any request path: the month roll's one-time bootstrap, seeds,
 * benchmarks and tests use it. Writes keep the ledger with `updateLedger` (update-ledger.ts).
 */
export async function refreshLedger(db: Queryable, scope: LedgerScope, lastPeriod: string) {
  await db.execute(sql`delete from ledger_balances where ${scopeWhere(scope)}`);
  await db.execute(sql`insert into ledger_balances (${sql.raw(LEDGER_COLUMNS)}) select ${sql.raw(LEDGER_COLUMNS)} from (${ledgerSelect(scope, lastPeriod)}) l`);
}
