import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { firstRow, num, rows, str, strOrNull } from "@/db/sql-rows";
import { ledgerSelectFrom } from "./ledger-sql";
import { LEDGER_COLUMNS } from "./refresh-ledger";

/**
 * The advisory locks between writes and the month roll (roll-ledger.ts). Every write takes both
 * shared: the global one (taken exclusively only by the first roll ever, which computes the whole
 * ledger) and its distributor's (the two-key lock `LEDGER_DISTRIBUTOR_LOCK, distributor id`, taken
 * exclusively while the roll carries that one distributor into the new month).
 */
export const LEDGER_ROLL_LOCK = 727002;
export const LEDGER_DISTRIBUTOR_LOCK = 727003;

/** The last period the month roll has built ("YYYY-MM-01"), null before the first roll. */
export async function lastBuiltPeriod(db: Queryable): Promise<string | null> {
  const last = await firstRow(db, sql`select to_char(max(period), 'YYYY-MM-DD') as last from ledger_periods`, (r) => strOrNull(r.last));
  return last ?? null;
}

export interface LedgerChange {
  distributorId: number;
  productIds: number[];
  /** The first period whose inputs changed ("YYYY-MM-01"). */
  from: string;
}

/**
 * The incremental ledger: after a write changed the inputs of one distributor × some products from
 * `from` on (a submission revision, an applied correction, a sell-in load), rewrites exactly those
 * rows from `from` onward — through the last period the month roll has built, or further when the
 * write's own facts are later. Call it inside the write's transaction. Returns the rows written.
 *
 * Takes the roll locks shared: writes never wait for each other here, and the roll never builds a
 * distributor's new month from balances a write is still changing; a write waits at most for the roll
 * of its own distributor's rows (one statement).
 */
export async function updateLedger(tx: Queryable, change: LedgerChange): Promise<number> {
  const productIds = [...new Set(change.productIds)];
  if (!productIds.length) return 0;
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${LEDGER_ROLL_LOCK})`);
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${LEDGER_DISTRIBUTOR_LOCK}, ${change.distributorId})`);
  const built = await lastBuiltPeriod(tx);
  const existing = await rows(
    tx,
    sql`
      with del as (
        delete from ledger_balances
         where distributor_id = ${change.distributorId} and product_id = any(${sql.param(productIds)}::int[]) and period >= ${change.from}::date
        returning product_id, period)
      select product_id, to_char(max(period), 'YYYY-MM-DD') as last from del group by 1`,
    (r) => ({ productId: num(r.product_id), last: str(r.last) }),
  );
  const through = built ?? change.from;
  const n = await firstRow(
    tx,
    sql`
      with ins as (
        insert into ledger_balances (${sql.raw(LEDGER_COLUMNS)})
        select ${sql.raw(LEDGER_COLUMNS)} from (${ledgerSelectFrom({
          distributorId: change.distributorId, productIds, from: change.from, through,
          existing,
        })}) l
        returning 1)
      select count(*)::int as n from ins`,
    (r) => num(r.n),
  );
  return n ?? 0;
}
