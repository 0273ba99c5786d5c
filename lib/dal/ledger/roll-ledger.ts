import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { SYSTEM, withDbContext } from "@/db/rls";
import { addPeriods, dateToPeriod, periodToDate } from "@/lib/domain/periods";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/ledger";
import { bool, firstRow, mapRows, num, strOrNull } from "@/db/sql-rows";
import { earliestPeriod, ensurePeriods } from "../periods/ensure-periods";
import { getSettings } from "../settings/get-settings";
import { currentLedgerPeriod } from "./current-period";
import { LEDGER_COLUMNS, refreshLedger } from "./refresh-ledger";
import { LEDGER_DISTRIBUTOR_LOCK, LEDGER_ROLL_LOCK, lastBuiltPeriod } from "./update-ledger";

/** Distributors carried together, in one transaction and statement, hold about this many rows at most. */
export const ROLL_CHUNK_ROWS = 20_000;

/**
 * The month roll of some distributors as ONE set-based statement: period `period`'s balances from the
 * previous period's rows. Every distributor × product with activity in `period` already has its row there — the write
 * that stored the activity (submission, correction, sell-in load) wrote the ledger through its own
 * period — so what is left is the carry-forward of the others: opening = calculated = the previous
 * calculated, no movement, nothing reported, the trailing sums moved on by one period using the stored
 * rows three and six periods back (st3(t) = st3(t−1) − st(t−3); prior3(t) = prior3(t−1) + st(t−3) − st(t−6)).
 * Rows already there are left alone. Returns the rows inserted.
 */
export function rollStatement(period: string, distributorIds: readonly number[], t = DEFAULT_THRESHOLDS) {
  const p = periodToDate(period);
  const prev = periodToDate(addPeriods(period, -1));
  const back3 = periodToDate(addPeriods(period, -3));
  const back6 = periodToDate(addPeriods(period, -6));
  return sql`
    with ins as (
      insert into ledger_balances (${sql.raw(LEDGER_COLUMNS)})
      select c.distributor_id, c.product_id, ${p}::date, c.calculated, 0, 0, 0, 0, c.calculated,
             null, null, null, null, null, x.st3, x.si3, x.prior3,
             array_remove(array[
               case when x.st3 > 0 and 100 * x.st3 >= ${Math.round(t.burnRatio * 100)} * x.si3 then 'burning_down' end,
               case when x.prior3 > 0 and 100 * x.st3 <= ${Math.round(t.slowRatio * 100)} * x.prior3 then 'slowing' end,
               'unreported'
             ], null)::text[]
        from ledger_balances c
        left join ledger_balances b3 on b3.distributor_id = c.distributor_id and b3.product_id = c.product_id and b3.period = ${back3}::date
        left join ledger_balances b6 on b6.distributor_id = c.distributor_id and b6.product_id = c.product_id and b6.period = ${back6}::date
        cross join lateral (select
               c.sell_through_3 - coalesce(b3.sell_through, 0) as st3,
               c.sell_in_3 - coalesce(b3.sell_in, 0) as si3,
               c.sell_through_prior_3 + coalesce(b3.sell_through, 0) - coalesce(b6.sell_through, 0) as prior3) x
       where c.period = ${prev}::date and c.distributor_id = any(${sql.param([...distributorIds])}::int[])
      on conflict (distributor_id, product_id, period) do nothing
      returning 1)
    select count(*)::int as n from ins`;
}

export interface RollResult {
  /** Periods built by this run, oldest first, with the rows each one inserted and how long it took. */
  built: { period: string; rows: number; ms: number }[];
  /** The whole ledger was computed from history once (no period had been built yet). */
  bootstrapped: boolean;
  /** The last built period after this run ("YYYY-MM"), null when there is nothing to build from. */
  through: string | null;
}

/**
 * Stores the period rows through the current month, then builds every ended period the ledger does
 * not have yet (the scheduled job and start-up; never a request). A period is built in chunks of whole
 * distributors (about ROLL_CHUNK_ROWS rows), one short transaction and one statement each, under
 * those distributors' ledger locks taken exclusively: a write of theirs in flight is waited for, and
 * a write arriving meanwhile waits for one chunk's statement, never for the whole month. The
 * period is recorded as built (`ledger_periods`) once every distributor has been carried; until then
 * reads say it is being prepared. Before the first roll ever — a new database — the ledger is
 * computed once from the whole history instead, under the global lock every write takes shared.
 * Runs as the system. Two instances running it at once do no harm: each statement inserts only
 * the rows still missing.
 */
export async function rollLedger(db: Queryable, now = new Date()): Promise<RollResult> {
  const result: RollResult = { built: [], bootstrapped: false, through: null };
  // The months' own rows (deadlines) through the current month first: reads list them, never store them.
  const target = await withDbContext(db, SYSTEM, async (tx) => {
    const ended = await currentLedgerPeriod(tx, now);
    const current = addPeriods(ended, 1);
    await ensurePeriods(tx, await getSettings(tx), await earliestPeriod(tx, current), current);
    return ended;
  });
  for (;;) {
    const step = await withDbContext(db, SYSTEM, async (tx) => {
      const last = await lastBuiltPeriod(tx);
      if (last !== null) {
        const next = addPeriods(dateToPeriod(last), 1);
        if (next > target) return { kind: "done" as const, through: dateToPeriod(last) };
        // The distributors with rows to carry, in chunks of about ROLL_CHUNK_ROWS rows (whole distributors).
        const counts = mapRows(
          await tx.execute(sql`select distributor_id as d, count(*)::int as n from ledger_balances where period = ${periodToDate(dateToPeriod(last))}::date group by 1 order by 1`),
          (c) => ({ d: num(c.d), n: num(c.n) }),
        );
        const chunks: number[][] = [];
        let rows = Infinity;
        for (const c of counts) {
          if (rows + c.n > ROLL_CHUNK_ROWS) {
            chunks.push([]);
            rows = 0;
          }
          chunks.at(-1)!.push(c.d);
          rows += c.n;
        }
        return { kind: "roll" as const, period: next, chunks };
      }
      await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_ROLL_LOCK})`);
      if ((await lastBuiltPeriod(tx)) !== null) return { kind: "again" as const }; // another instance bootstrapped
      const started = performance.now();
      await refreshLedger(tx, {}, periodToDate(target));
      const r = await firstRow(
        tx,
        sql`select to_char(min(period), 'YYYY-MM') as first, count(*)::int as n from ledger_balances`,
        (x) => ({ first: strOrNull(x.first), n: num(x.n) }),
      );
      const ms = Math.round(performance.now() - started);
      await tx.execute(sql`
        insert into ledger_periods (period, rows_written, ms)
        select g::date, 0, 0 from generate_series(${periodToDate(r?.first && r.first < target ? r.first : target)}::date, ${periodToDate(target)}::date, interval '1 month') g
        on conflict do nothing`);
      await tx.execute(sql`update ledger_periods set rows_written = ${r?.n ?? 0}, ms = ${ms} where period = ${periodToDate(target)}::date`);
      return { kind: "bootstrap" as const };
    });
    if (step.kind === "done") {
      result.through = step.through;
      return result;
    }
    if (step.kind === "bootstrap") result.bootstrapped = true;
    if (step.kind !== "roll") continue;
    const started = performance.now();
    let rows = 0;
    for (const ids of step.chunks) {
      rows += await withDbContext(db, SYSTEM, async (tx) => {
        // In id order, as every roll takes them: two instances rolling at once never deadlock.
        for (const id of ids) await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_DISTRIBUTOR_LOCK}, ${id})`);
        const n = await firstRow(tx, rollStatement(step.period, ids), (r) => num(r.n));
        return n ?? 0;
      });
    }
    const ms = Math.round(performance.now() - started);
    await withDbContext(db, SYSTEM, (tx) =>
      tx.execute(sql`insert into ledger_periods (period, rows_written, ms) values (${periodToDate(step.period)}::date, ${rows}, ${ms}) on conflict do nothing`),
    );
    result.built.push({ period: step.period, rows, ms });
  }
}

/**
 * Whether `period` ("YYYY-MM") is still being prepared: the month roll has not built it yet, so a
 * read of it answers with the rows that exist (those written since) and says so.
 */
export async function periodPreparing(db: Queryable, period: string): Promise<boolean> {
  const preparing = await firstRow(
    db,
    sql`select coalesce(max(period) < ${periodToDate(period)}::date, true) as preparing from ledger_periods`,
    (r) => bool(r.preparing),
  );
  return preparing ?? false;
}
