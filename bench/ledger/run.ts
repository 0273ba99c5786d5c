/**
 * Month roll benchmark (issue 11, "Speed": carry-forward of a period by the job ≤ 2× a bare INSERT … SELECT).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_ledger npx tsx bench/ledger/run.ts [--fresh] [--runs=5]
 *
 * 1. Creates the database if missing (--fresh drops it first) and applies the real migrations.
 * 2. Generates BENCH_DISTRIBUTORS (50) × BENCH_SKUS (2,000) × BENCH_PERIODS (8) ledger rows in SQL (running
 *    balances and trailing sums by window functions; secondary indexes dropped during the load and rebuilt),
 *    marks those periods built, VACUUM ANALYZE.
 * 3. Builds the next period --runs times with the job (`rollLedger`: its one carry-forward statement, timed
 *    inside its transaction, and the whole call), and as many times with a bare `INSERT … SELECT` of the same
 *    rows (previous period's calculated carried, nothing else computed) into the same table with the same
 *    indexes, alternating which goes first; the new period is deleted and the table vacuumed between runs
 *    (not timed). Prints medians and the ratio.
 * 4. Then one more job run, not counted in the ratio, with traffic: a gap-view read (listGaps, first
 *    page + totals) of the previous period — reads never wait for the roll — and ledger writes
 *    (updateLedger for 200 SKUs of one distributor from LAST on, as a submission makes; rolled back)
 *    one after another, round the distributors, until the roll ends: the slowest is what a submission
 *    may wait for the roll.
 */
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openAsLocalApp } from "../../db/local-app-login";
import { SYSTEM, withDbContext } from "../../db/rls";
import * as t from "../../db/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { addPeriods, periodToDate } from "../../lib/domain/periods";
import { rollLedger } from "../../lib/dal/ledger/roll-ledger";
import { updateLedger } from "../../lib/dal/ledger/update-ledger";
import { LEDGER_COLUMNS } from "../../lib/dal/ledger/refresh-ledger";
import { listGaps } from "../../lib/dal/gaps/list-gaps";
import { gapQuerySchema } from "../../lib/validation/gaps";
import { asRows } from "../../db/sql-rows";
import { scratchDatabase } from "../scratch-db";

const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sellthru_bench_ledger";
const D = Number(process.env.BENCH_DISTRIBUTORS ?? 50);
const P = Number(process.env.BENCH_SKUS ?? 2000);
const T = Number(process.env.BENCH_PERIODS ?? 8);
const args = new Set(process.argv.slice(2));
const RUNS = Number([...args].find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 5);
/** The last generated period; the benchmark builds the one after it. */
const LAST = "2026-06";
const NEXT = addPeriods(LAST, 1);
/** A day on which NEXT has ended (and the month after it has not). */
const JOB_NOW = new Date(`${addPeriods(LAST, 2)}-15T12:00:00Z`);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${s}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

class RolledBack extends Error {}

async function generate(client: postgres.Sql) {
  const first = addPeriods(LAST, -(T - 1));
  await client.unsafe(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '512MB'`);
  await client.unsafe(`
    insert into distributors (code, name, region)
    select 'L' || lpad(g::text, 3, '0'), 'Ledger Bench ' || g, 'NA' from generate_series(1, ${D}) g;
    insert into products (sku, description, family, list_price)
    select 'LB-' || lpad(g::text, 5, '0'), 'Ledger bench part ' || g, 'FAM-' || (g % 10), 1 from generate_series(1, ${P}) g;`);
  const idx = await client<{ indexname: string; indexdef: string }[]>`
    select indexrelid::regclass::text as indexname, pg_get_indexdef(indexrelid) as indexdef
      from pg_index where indrelid = 'ledger_balances'::regclass and not indisprimary`;
  for (const i of idx) await client.unsafe(`drop index ${i.indexname}`);
  let t0 = now();
  await client.unsafe(`
    insert into ledger_balances (${LEDGER_COLUMNS})
    with f as (
      select d.id as d, p.id as p, (date '${periodToDate(first)}' + make_interval(months => k))::date as period,
             20 + abs(hashtext(d.id || ':' || p.id || ':' || k)) % 100 as si,
             10 + abs(hashtext(p.id || ':' || d.id || ':' || k)) % 100 as st,
             abs(hashtext(d.id || '/' || p.id || '/' || k)) % 23 - 11 as noise
        from distributors d cross join products p cross join generate_series(0, ${T - 1}) k
    ), r as (
      select f.*, sum(si - st) over w as calc,
             sum(st) over (w rows between 2 preceding and current row) as st3,
             sum(si) over (w rows between 2 preceding and current row) as si3,
             coalesce(sum(st) over (w rows between 5 preceding and 3 preceding), 0) as stp3
        from f window w as (partition by d, p order by period)
    )
    select d, p, period, calc - (si - st), si, st, 0, 0, calc, calc + noise, -noise,
           case when calc = 0 then null else round(-noise * 100.0 / calc, 2) end, -noise, null, st3, si3, stp3, '{}'::text[]
      from r`);
  log(`ledger_balances: ${(D * P * T).toLocaleString("en-US")} rows generated (${((now() - t0) / 1000).toFixed(1)} s)`);
  t0 = now();
  for (const i of idx) await client.unsafe(i.indexdef);
  await client.unsafe(`
    insert into ledger_periods (period, rows_written, ms)
    select (date '${periodToDate(first)}' + make_interval(months => k))::date, ${D * P}, 0 from generate_series(0, ${T - 1}) k`);
  await client.unsafe(`vacuum analyze ledger_balances`);
  log(`indexes rebuilt, periods marked built, vacuum analyze (${((now() - t0) / 1000).toFixed(1)} s)`);
}

async function main() {
  await scratchDatabase(URL_, { fresh: args.has("--fresh") });
  const database = await openAsLocalApp(URL_, 4);
  const client = postgres(URL_, { max: 1, onnotice: () => {} });
  const db = database.db;
  try {
    await db.insert(t.settings).values({ id: 1 }).onConflictDoNothing();
    const [staff] = await db
      .insert(t.users)
      .values({ email: "bench-ledger@halcyon.test", name: "Bench", role: "channel_manager", passwordHash: "none" })
      .onConflictDoNothing()
      .returning();
    const staffId = staff?.id ?? (await client<{ id: string }[]>`select id from users where email = 'bench-ledger@halcyon.test'`)[0]!.id;
    const viewer: Viewer = { userId: staffId, email: "bench-ledger@halcyon.test", name: "Bench", role: "channel_manager", distributorId: null, distributorCode: null, distributorName: null, via: "session" };

    // A previous interrupted run may have left NEXT behind.
    await client.unsafe(`delete from ledger_balances where period = '${periodToDate(NEXT)}'; delete from ledger_periods where period >= '${periodToDate(NEXT)}'`);
    const [{ n }] = await client<{ n: number }[]>`select count(*)::int as n from ledger_balances where period = ${periodToDate(LAST)}::date`;
    if (n < D * P) {
      if (n > 0) throw new Error("The benchmark database holds a partial data set; run again with --fresh");
      log(`generating ${D} distributors × ${P} SKUs × ${T} periods through ${LAST}`);
      await generate(client);
    } else {
      log(`reusing ${n.toLocaleString("en-US")} ledger rows for ${LAST} (pass --fresh to regenerate)`);
    }
    const [size] = await client`select count(*)::int as rows, pg_size_pretty(pg_total_relation_size('ledger_balances')) as size from ledger_balances`;
    log(`ledger_balances: ${size!.rows.toLocaleString("en-US")} rows, ${size!.size} with indexes; building ${NEXT} (${(D * P).toLocaleString("en-US")} rows) ${RUNS} times each way`);

    const reset = async () => {
      await client.unsafe(`delete from ledger_balances where period = '${periodToDate(NEXT)}'`);
      await client.unsafe(`delete from ledger_periods where period >= '${periodToDate(NEXT)}'`);
      await client.unsafe(`vacuum analyze ledger_balances`);
    };
    const bareSql = sql`
      with ins as (
        insert into ledger_balances (${sql.raw(LEDGER_COLUMNS)})
        select distributor_id, product_id, ${periodToDate(NEXT)}::date, calculated, 0, 0, 0, 0, calculated, null, null, null, null, null,
               sell_through_3, sell_in_3, sell_through_prior_3, '{unreported}'::text[]
          from ledger_balances where period = ${periodToDate(LAST)}::date
        returning 1)
      select count(*)::int as n from ins`;

    const job: { stmt: number; call: number }[] = [];
    const bare: number[] = [];
    let readDuring: number | null = null;
    const writes: number[] = [];
    const distributorIds = (await client<{ id: number }[]>`select id from distributors order by id`).map((r) => Number(r.id));
    const productIds = (await client<{ id: number }[]>`select id from products order by id limit 200`).map((r) => Number(r.id));
    /** Ledger writes one after another until `until` settles; each is timed and rolled back. */
    const writeWhile = async (until: Promise<unknown>) => {
      let over = false;
      void until.finally(() => (over = true));
      await new Promise((r) => setTimeout(r, 50));
      for (let k = 0; !over; k++) {
        const t0 = now();
        await withDbContext(db, SYSTEM, async (tx) => {
          await updateLedger(tx, { distributorId: distributorIds[(k * 7) % distributorIds.length]!, productIds, from: periodToDate(LAST) });
          throw new RolledBack();
        }).catch((e) => {
          if (!(e instanceof RolledBack)) throw e;
        });
        writes.push(now() - t0);
      }
    };
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? (["job", "bare"] as const) : (["bare", "job"] as const);
      for (const which of order) {
        await reset();
        if (which === "job") {
          const t0 = now();
          const r = await rollLedger(db, JOB_NOW);
          const call = now() - t0;
          const built = r.built.find((b) => b.period === NEXT);
          if (!built || built.rows !== D * P) throw new Error(`The job built ${JSON.stringify(r.built)}; expected ${D * P} rows for ${NEXT}`);
          job.push({ stmt: built.ms, call });
        } else {
          const t0 = now();
          const [res] = asRows<{ n: number }>(await withDbContext(db, SYSTEM, (tx) => tx.execute(bareSql)));
          bare.push(now() - t0);
          if (Number(res?.n) !== D * P) throw new Error(`The bare INSERT … SELECT wrote ${res?.n} rows`);
        }
      }
      log(`run ${run + 1}: job ${job.at(-1)!.stmt} ms (call ${job.at(-1)!.call.toFixed(0)} ms), bare INSERT … SELECT ${bare.at(-1)!.toFixed(0)} ms`);
    }
    // One more roll with traffic (not in the ratio): a gap-view read and ledger writes while it runs.
    await reset();
    const t0 = now();
    const rolling = rollLedger(db, JOB_NOW);
    const read = (async () => {
      await new Promise((r) => setTimeout(r, 100));
      const r0 = now();
      await listGaps(db, viewer, gapQuerySchema.parse({ period: LAST, limit: 200 }));
      return now() - r0;
    })();
    const writing = writeWhile(rolling);
    await rolling;
    const busyRoll = now() - t0;
    await writing;
    readDuring = await read;
    await reset();

    const jobStmt = median(job.map((j) => j.stmt));
    const jobCall = median(job.map((j) => j.call));
    const bareMs = median(bare);
    console.log("");
    console.log(`Carry-forward of ${NEXT}: ${(D * P).toLocaleString("en-US")} rows (${D} distributors × ${P} SKUs), ledger of ${size!.rows.toLocaleString("en-US")} rows, median of ${RUNS} runs`);
    console.log(`  job (rollLedger, its statement):   ${jobStmt.toFixed(0)} ms`);
    console.log(`  job (rollLedger, whole call):      ${jobCall.toFixed(0)} ms`);
    console.log(`  bare INSERT … SELECT, same rows:   ${bareMs.toFixed(0)} ms`);
    console.log(`  ratio job / bare:                  ${(jobStmt / bareMs).toFixed(2)}× (statement), ${(jobCall / bareMs).toFixed(2)}× (whole call)`);
    if (readDuring !== null) console.log(`  gap view read of ${LAST} during the roll: ${readDuring.toFixed(0)} ms`);
    if (writes.length) {
      const sorted = [...writes].sort((a, b) => a - b);
      console.log(`  a roll with that traffic: ${busyRoll.toFixed(0)} ms`);
      console.log(`  ledger writes during it (200 SKUs each, one after another): ${writes.length}, median ${median(writes).toFixed(0)} ms, p95 ${sorted[Math.floor(0.95 * (sorted.length - 1))]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    await client.end();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
