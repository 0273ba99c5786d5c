import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { ledgerSelect, type LedgerScope } from "./ledger-sql";

const COLUMNS = `distributor_id, product_id, period, opening, sell_in, sell_through, returns, adjustments, calculated,
  reported, gap, gap_pct, new_gap, weeks_of_supply, sell_through_3, sell_in_3, sell_through_prior_3, flags`;

function scopeWhere(scope: LedgerScope): SQL {
  const parts: SQL[] = [sql`true`];
  if (scope.distributorIds) parts.push(sql`distributor_id = any(${sql.param(scope.distributorIds)}::int[])`);
  if (scope.productIds) parts.push(sql`product_id = any(${sql.param(scope.productIds)}::int[])`);
  return sql.join(parts, sql` and `);
}

/**
 * Recomputes the maintained ledger for a scope (by default everything) through `lastPeriod`
 * ("YYYY-MM-01"). Runs in SQL; call it inside the transaction that changed the inputs.
 */
export async function refreshLedger(db: Queryable, scope: LedgerScope, lastPeriod: string) {
  await db.execute(sql`delete from ledger_balances where ${scopeWhere(scope)}`);
  await db.execute(sql`insert into ledger_balances (${sql.raw(COLUMNS)}) select ${sql.raw(COLUMNS)} from (${ledgerSelect(scope, lastPeriod)}) l`);
}
