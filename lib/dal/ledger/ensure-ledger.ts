import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { asSystem } from "@/db/rls";
import { latestEndedPeriod, periodToDate } from "@/lib/domain/periods";
import { getSettings } from "../settings/get-settings";
import { asRows } from "../sql-rows";
import { refreshLedger } from "./refresh-ledger";

/** The latest period that has ended, in the manufacturer's time zone. */
export async function currentLedgerPeriod(db: Queryable, now = new Date()): Promise<string> {
  const s = await getSettings(db);
  return latestEndedPeriod(now, s.timeZone);
}

/**
 * When a new month has ended since the ledger was last written, carry every balance forward to it
 * (one SQL statement). Cheap when already current: one indexed max().
 */
export async function ensureLedgerThrough(db: Queryable, period: string) {
  const [row] = asRows<{ last: string | null }>(
    await db.execute(sql`select to_char(max(period), 'YYYY-MM') as last from ledger_balances`),
  );
  const last = row?.last ?? null;
  if (last !== null && last >= period) return;
  const limit = await currentLedgerPeriod(db);
  if (period > limit) return;
  // The carry-forward is about every distributor, whoever's request noticed the new month: it runs
  // as the system under row-level security (and puts the caller's context back afterwards).
  await asSystem(db, async (tx) => {
    // Serialise concurrent carry-forwards; the second one finds the work done.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [again] = asRows<{ last: string | null }>(
      await tx.execute(sql`select to_char(max(period), 'YYYY-MM') as last from ledger_balances`),
    );
    if (again?.last != null && again.last >= period) return;
    await refreshLedger(tx, {}, periodToDate(period));
  });
}
