/**
 * Gap view benchmark (issue 5, "Speed").
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_gaps npx tsx bench/gaps/run.ts [--fresh] [--runs=20]
 *
 * 1. Creates the database if missing (--fresh drops it first) and applies the real migrations.
 * 2. Generates BENCH_DISTRIBUTORS (200) × BENCH_SKUS (2,000) × BENCH_PERIODS (24) of history in SQL with
 *    generate_series: sell-in shipments as `movements` (plus some returns to vendor) and one submission
 *    revision per distributor × period with a line per SKU (sold, returned, on hand; on hand drifts from the
 *    running balance by a little, sometimes a lot; some distributors do not report the last periods).
 * 3. Computes the whole ledger with the app's own refreshLedger (lib/dal/ledger: window functions over
 *    movements + latest revisions), in batches of distributors, then VACUUM ANALYZE. Nothing is computed in JS.
 * 4. Measures listGaps (the real DAL: page + totals, server side) for one period and several filters,
 *    next to a bare SQL SELECT of the same page (same filters, same order, limit 200) as the baseline,
 *    and the totals aggregate on its own. Median and p95 of --runs runs after 2 warm-ups.
 *
 * An existing, complete data set is reused (generation takes minutes); pass --fresh to rebuild it.
 */
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openAsLocalApp } from "../../db/local-app-login";
import * as t from "../../db/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { addPeriods, latestEndedPeriod, periodToDate } from "../../lib/domain/periods";
import { refreshLedger } from "../../lib/dal/ledger/refresh-ledger";
import { listGaps } from "../../lib/dal/gaps/list-gaps";
import { gapQuerySchema, type GapFilterInput } from "../../lib/validation/gaps";
import { asRows } from "../../db/sql-rows";
import { scratchDatabase } from "../scratch-db";

const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sellthru_bench_gaps";
const D = Number(process.env.BENCH_DISTRIBUTORS ?? 200);
const P = Number(process.env.BENCH_SKUS ?? 2000);
const T = Number(process.env.BENCH_PERIODS ?? 24);
const BATCH = Number(process.env.BENCH_REFRESH_BATCH ?? 10);
const args = new Set(process.argv.slice(2));
const RUNS = Number([...args].find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 20);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${s}\n`);

async function generate(client: postgres.Sql, db: Awaited<ReturnType<typeof openAsLocalApp>>["db"], last: string, staffId: string) {
  const first = addPeriods(last, -(T - 1));
  await client.unsafe(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '1GB'`);
  let t0 = now();
  await client.unsafe(`
    insert into distributors (code, name, region)
    select 'B' || lpad(g::text, 3, '0'), 'Bench Distributor ' || g, (array['NA','EU','APAC'])[1 + g % 3]
      from generate_series(1, ${D}) g;
    insert into products (sku, description, family, list_price)
    select 'BS-' || lpad(g::text, 5, '0'), 'Bench part ' || g, 'FAM-' || (g % 10), (1 + g % 50)::numeric
      from generate_series(1, ${P}) g;`);
  log(`distributors and products (${(now() - t0).toFixed(0)} ms)`);

  // Per distributor × SKU × period facts; on hand is the running balance minus a deterministic noise.
  t0 = now();
  await client.unsafe(`
    create unlogged table bench_facts as
    with base as (
      select d.id as d, p.id as p, (date '${periodToDate(first)}' + make_interval(months => k))::date as period, k,
             abs(hashtext(d.id || ':' || p.id)) as h, abs(hashtext(d.id || ':' || p.id || ':' || k)) as hk
        from distributors d cross join products p cross join generate_series(0, ${T - 1}) k
    ), q as (
      select d, p, period, k, hk,
             greatest(0, 10 + h % 120 + hk % 41 - 20 + case when d % 5 = 0 then k * 2 else 0 end) as sell_in,
             (hk / 7) % 100 as r
        from base
    ), q2 as (
      select d, p, period, k, hk, r, sell_in,
             greatest(0, sell_in - ((hk / 11) % 9 - 3) - case when d % 7 = 0 then k else 0 end + case when d % 11 = 0 and k > ${T - 4} then -sell_in / 2 else 0 end) as sold,
             case when r = 97 then 1 + hk % 5 else 0 end as returned
        from q
    )
    select d, p, period, k, sell_in, sold, returned,
           greatest(0, sum(sell_in - sold - returned) over (partition by d, p order by period)
             - case when r < 85 then 0 when r < 95 then (hk / 13) % 21 - 10 when r < 99 then (hk / 13) % 121 - 60 else (hk / 13) % 601 - 300 end
           )::int as on_hand
      from q2`);
  log(`bench_facts: ${D * P * T} rows (${(now() - t0).toFixed(0)} ms)`);

  t0 = now();
  await client.unsafe(`
    insert into movements (distributor_id, product_id, period, type, quantity, occurred_on)
    select d, p, period, 'sell_in', sell_in, period + 4 from bench_facts where sell_in > 0;
    insert into movements (distributor_id, product_id, period, type, quantity, occurred_on)
    select d, p, period, 'return_to_vendor', returned, period + 20 from bench_facts where returned > 0`);
  log(`movements (${(now() - t0).toFixed(0)} ms)`);

  // One submission + revision per distributor × period; every 13th distributor stops reporting 2 periods before the end.
  t0 = now();
  await client.unsafe(`
    create unlogged table bench_revs as
    select gen_random_uuid() as sid, gen_random_uuid() as rid, d.id as d, (date '${periodToDate(first)}' + make_interval(months => k))::date as period
      from distributors d cross join generate_series(0, ${T - 1}) k
     where not (d.id % 13 = 0 and k >= ${T - 2});
    insert into submissions (id, distributor_id, period, first_submitted_at, timeliness, days_late, latest_revision, latest_revision_id)
    select sid, d, period, period + interval '1 month 5 days', case when d % 6 = 0 then 'late'::timeliness else 'on_time'::timeliness end,
           case when d % 6 = 0 then 4 else 0 end, 1, rid from bench_revs;
    insert into submission_revisions (id, submission_id, revision, submitted_at, submitted_by, source, total_sold, total_returned, total_on_hand, line_count)
    select rid, sid, 1, period + interval '1 month 5 days', '${staffId}', 'api', 0, 0, 0, ${P} from bench_revs;
    insert into submission_lines (revision_id, product_id, sold, returned, on_hand)
    select r.rid, f.p, f.sold, f.returned, f.on_hand from bench_facts f join bench_revs r on r.d = f.d and r.period = f.period`);
  log(`submissions, revisions, lines (${(now() - t0).toFixed(0)} ms)`);
  await client.unsafe(`drop table bench_facts; drop table bench_revs; analyze movements; analyze submissions; analyze submission_lines`);

  // The ledger, by the app's own SQL. Secondary indexes are dropped during the load and rebuilt after.
  const idx = await client<{ indexname: string; indexdef: string }[]>`
    select indexrelid::regclass::text as indexname, pg_get_indexdef(indexrelid) as indexdef
      from pg_index where indrelid = 'ledger_balances'::regclass and not indisprimary`;
  for (const i of idx) await client.unsafe(`drop index ${i.indexname}`);
  const ids = (await client<{ id: number }[]>`select id from distributors order by id`).map((r) => r.id);
  t0 = now();
  for (let i = 0; i < ids.length; i += BATCH) {
    const b0 = now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '256MB'`);
      await tx.execute(sql`set local synchronous_commit = off`);
      await refreshLedger(tx, { distributorIds: ids.slice(i, i + BATCH) }, periodToDate(last));
    });
    if (i === 0 || (i / BATCH) % 5 === 0) log(`refreshLedger distributors ${i + 1}–${Math.min(i + BATCH, ids.length)} (${(now() - b0).toFixed(0)} ms)`);
  }
  log(`ledger_balances computed by refreshLedger (${((now() - t0) / 1000).toFixed(1)} s)`);
  t0 = now();
  for (const i of idx) await client.unsafe(i.indexdef);
  await client.unsafe(`vacuum analyze ledger_balances`);
  log(`indexes rebuilt, vacuum analyze (${((now() - t0) / 1000).toFixed(1)} s)`);
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { median: q(0.5), p95: q(0.95) };
}

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    await fn();
    xs.push(now() - t0);
  }
  return stats(xs);
}

async function main() {
  await scratchDatabase(URL_, { fresh: args.has("--fresh") });
  const database = await openAsLocalApp(URL_, 4);
  const client = postgres(URL_, { max: 1, onnotice: () => {} });
  const db = database.db;
  try {
    const last = latestEndedPeriod(new Date(), "UTC");
    await db.insert(t.settings).values({ id: 1 }).onConflictDoNothing();
    const [staff] = await db
      .insert(t.users)
      .values({ email: "bench@halcyon.test", name: "Bench", role: "channel_manager", passwordHash: "none" })
      .onConflictDoNothing()
      .returning();
    const staffId = staff?.id ?? (await client<{ id: string }[]>`select id from users where email = 'bench@halcyon.test'`)[0]!.id;

    const [{ n }] = asRows<{ n: number }>(await db.execute(sql`select count(*)::int as n from ledger_balances where period = ${periodToDate(last)}::date`));
    if (n < D * P) {
      if (n > 0) throw new Error("The benchmark database holds a partial data set; run again with --fresh");
      log(`generating ${D} distributors × ${P} SKUs × ${T} periods through ${last}`);
      await generate(client, db, last, staffId);
    } else {
      log(`reusing ${n.toLocaleString("en-US")} ledger rows for ${last} (pass --fresh to regenerate)`);
    }
    const [size] = await client`select count(*)::int as rows, pg_size_pretty(pg_total_relation_size('ledger_balances')) as size from ledger_balances`;
    log(`ledger_balances: ${size!.rows.toLocaleString("en-US")} rows, ${size!.size} with indexes`);

    const viewer: Viewer = { userId: staffId, email: "bench@halcyon.test", name: "Bench", role: "channel_manager", distributorId: null, distributorCode: null, distributorName: null, via: "session" };
    const period = last;
    const pd = periodToDate(period);

    // A cursor deep into the default order, for the "page 51" case.
    let deep: string | null = null;
    {
      const q = gapQuerySchema.parse({ period, limit: 5000 });
      deep = (await listGaps(db, viewer, q, { totals: false })).nextCursor;
    }

    const cols = `d.code, d.name, p.sku, p.description, p.family, l.opening, l.sell_in, l.sell_through, l.returns, l.adjustments,
      l.calculated, l.reported, l.gap, l.gap_pct, l.new_gap, l.weeks_of_supply, l.flags`;
    const from = `from ledger_balances l join distributors d on d.id = l.distributor_id join products p on p.id = l.product_id where l.period = '${pd}'`;
    const cases: { name: string; q: GapFilterInput; bare: string }[] = [
      { name: "no filter (sort |gap| desc)", q: {}, bare: `select ${cols} ${from} order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 200` },
      { name: "distributor = B042", q: { distributor: "B042" }, bare: `select ${cols} ${from} and d.code = 'B042' order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 200` },
      { name: "|gap| ≥ 50", q: { minAbsGap: "50" }, bare: `select ${cols} ${from} and abs(l.gap) >= 50 order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 200` },
      { name: "flag excess", q: { flag: "excess" }, bare: `select ${cols} ${from} and 'excess' = any(l.flags) order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 200` },
      { name: "sort gap % desc", q: { sort: "-gapPct" }, bare: `select ${cols} ${from} order by coalesce(l.gap_pct, -1000000000000) desc, l.distributor_id, l.product_id limit 200` },
      { name: "family = FAM-3", q: { family: "FAM-3" }, bare: `select ${cols} ${from} and p.family = 'FAM-3' order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 200` },
      { name: "significant mismatches", q: { significant: "1" }, bare: `select ${cols} ${from} and (abs(l.gap) >= 50 or abs(l.gap_pct) >= 10) order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 200` },
      { name: "sort sell-through asc", q: { sort: "sellThrough" }, bare: `select ${cols} ${from} order by l.sell_through, l.distributor_id, l.product_id limit 200` },
      { name: "page 2 of 5,000-row pages (keyset)", q: { cursor: deep ?? undefined }, bare: `select ${cols} ${from} order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 200 offset 5000` },
    ];

    const results: { name: string; rows: number; total: number; dal: ReturnType<typeof stats>; page: ReturnType<typeof stats>; totals: ReturnType<typeof stats>; bare: ReturnType<typeof stats> }[] = [];
    for (const c of cases) {
      const q = gapQuerySchema.parse({ period, limit: 200, ...c.q });
      const first = await listGaps(db, viewer, q);
      const dal = await time(() => listGaps(db, viewer, q));
      const page = await time(() => listGaps(db, viewer, q, { totals: false }));
      const totals = await time(() => db.execute(sql`select count(*), sum(opening), sum(sell_in), sum(sell_through), sum(returns), sum(adjustments), sum(calculated), sum(reported), sum(gap) from ledger_balances l where l.period = ${pd}::date`));
      const bare = await time(() => client.unsafe(c.bare));
      results.push({ name: c.name, rows: first.rows.length, total: first.totals.rows, dal, page, totals, bare });
      log(`${c.name}: listGaps median ${dal.median.toFixed(1)} ms, p95 ${dal.p95.toFixed(1)} ms; bare ${bare.median.toFixed(1)} ms`);
    }
    // The unfiltered totals aggregate on its own (the worst case: the whole period).
    const totalsAll = results[0]!.totals;

    const pad = (s: string, n: number) => s.padEnd(n);
    const f = (x: number) => x.toFixed(1).padStart(8);
    console.log(`\nGap view, period ${period}, ${D} distributors × ${P} SKUs × ${T} periods (${(D * P * T).toLocaleString("en-US")} ledger rows), ${RUNS} runs each, ms`);
    console.log(`${pad("filter", 38)} ${"matching".padStart(9)} ${"DAL med".padStart(8)} ${"DAL p95".padStart(8)} ${"page med".padStart(8)} ${"bare med".padStart(8)} ${"bare p95".padStart(8)}`);
    for (const r of results) {
      console.log(`${pad(r.name, 38)} ${r.total.toLocaleString("en-US").padStart(9)} ${f(r.dal.median)} ${f(r.dal.p95)} ${f(r.page.median)} ${f(r.bare.median)} ${f(r.bare.p95)}`);
    }
    console.log(`\nDAL = listGaps (first page of 200 + totals over the filtered set, concurrently); page = listGaps without totals;`);
    console.log(`bare = one hand-written SELECT of the same 200 rows (joins, filter, order, limit) on a raw connection.`);
    console.log(`Unfiltered period totals aggregate alone: median ${totalsAll.median.toFixed(1)} ms, p95 ${totalsAll.p95.toFixed(1)} ms.`);
    const worst = Math.max(...results.map((r) => r.dal.p95));
    console.log(`Target: first page ≤ 300 ms — worst p95 ${worst.toFixed(1)} ms: ${worst <= 300 ? "PASS" : "FAIL"}`);
  } finally {
    await client.end({ timeout: 5 });
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
