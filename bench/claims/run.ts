/**
 * Ship & debit validation benchmark (issue 17, "Speed").
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_claims npx tsx bench/claims/run.ts [--fresh] [--runs=5]
 *
 * 1. Creates the scratch database if missing (--fresh drops it first) and applies the real migrations.
 * 2. Generates, in SQL: 2,000 products with a sell-in cost on record, one authorisation per product,
 *    BENCH_POS (1,000,000) line-level POS lines stored as the app stores them (`pos_line_blocks`, 4,096
 *    lines per block, one upload per month over 12 months, each behind the latest revision of that
 *    month's submission), and one claim revision of BENCH_CLAIMS (100,000) lines: most supported by a
 *    sale, 5 % naming an invoice nobody reported, 2 % repeating the line before (DUPLICATE), some over the sold
 *    quantity, some with a wrong amount.
 * 3. Measures, side by side in one run, median of --runs after a warm-up, each in a transaction rolled
 *    back: the app's validation statement (lib/dal/claims/validate-claim.ts, as `system`) and the bare
 *    SQL join of the same tables — the claim lines joined to the unpacked POS on invoice and product
 *    (count only). Target: validation ≤ 3 × the bare join.
 */
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openAsLocalApp } from "../../db/local-app-login";
import { setDbContext, SYSTEM } from "../../db/rls";
import { VALIDATE_SETTINGS, validateClaimSql } from "../../lib/dal/claims/validate-claim";
import { reportedSalesSql } from "../../lib/dal/claims/pos-sales-sql";
import { asRows } from "../../db/sql-rows";
import { scratchDatabase } from "../scratch-db";

const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sellthru_bench_claims";
const POS = Number(process.env.BENCH_POS ?? 1_000_000);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const PRODUCTS = 2000;
const args = new Set(process.argv.slice(2));
const RUNS = Number([...args].find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 5);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${s}\n`);

async function generate(client: postgres.Sql) {
  await client.unsafe(`set synchronous_commit = off; set work_mem = '256MB'`);
  const t0 = now();
  await client.unsafe(`
    insert into distributors (code, name) values ('BENCH', 'Bench Distributor');
    insert into users (email, name, role, password_hash, distributor_id)
      select 'bench@bench.local', 'Bench', 'distributor', 'none', id from distributors where code = 'BENCH';
    insert into products (sku, description, family, list_price)
      select 'CL-' || lpad(g::text, 5, '0'), 'Claim part ' || g, 'FAM', 10 from generate_series(1, ${PRODUCTS}) g;
    insert into movements (distributor_id, product_id, period, type, quantity, occurred_on, document, document_line, unit_cost)
      select d.id, p.id, '2025-01-01', 'sell_in', 100000, '2025-01-05', 'SO-' || p.id, '1', 9.5
      from distributors d cross join products p where d.code = 'BENCH';
    insert into sd_authorizations (number, distributor_id, end_customer_id, end_customer_name, product_id, authorized_cost, quantity_limit, valid_from, valid_to, claim_window_days)
      select 'SD-' || p.id, d.id, 'C' || ((p.id - 1) % 1000), 'Customer ' || ((p.id - 1) % 1000) || ' Inc.', p.id, 6,
        case when p.id % 50 = 0 then 500 else 10000000 end, '2025-01-01', '2026-12-31', 3660
      from distributors d cross join products p where d.code = 'BENCH';`);
  // 12 monthly uploads, each behind its month's latest revision; POS line n: product 1 + n % 2000,
  // invoice INV-n, customer (product − 1) % 1000, quantity 1 + n % 20, price 9.
  const perMonth = Math.ceil(POS / 12);
  for (let m = 0; m < 12; m++) {
    const from = m * perMonth + 1;
    const to = Math.min(POS, (m + 1) * perMonth);
    const period = `2026-${String(m + 1).padStart(2, "0")}-01`;
    await client.unsafe(`
      with d as (select id from distributors where code = 'BENCH'), u as (select id from users where email = 'bench@bench.local'),
      up as (
        insert into uploads (distributor_id, period, file_name, format, kind, bytes, rows_read, rows_accepted, result, created_by)
        select d.id, '${period}', 'pos-${m + 1}.csv', 'csv', 'pos_lines', 0, ${to - from + 1}, ${to - from + 1}, '{}'::jsonb, u.id from d, u returning id
      ),
      blocks as (
        insert into pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
        select up.id, x.b, (select id from d), 1, count(*), string_agg(x.line, E'\\n' order by x.n) || E'\\n'
        from up, (
          select n, (n - ${from}) / 4096 as b,
            concat_ws(E'\\t', 1 + n % ${PRODUCTS}, n - ${from} + 2, '\\N', 1 + n % 20, '${period}', 'INV-' || n, '1', '9',
              'Customer ' || (n % ${PRODUCTS}) % 1000, '\\N', '\\N', '\\N', '\\N') as line
          from generate_series(${from}, ${to}) n
        ) x group by up.id, x.b
        returning upload_id
      ),
      sub as (
        insert into submissions (distributor_id, period, first_submitted_at, timeliness, latest_revision, latest_revision_id)
        select d.id, '${period}', now(), 'on_time', 1, gen_random_uuid() from d returning id, latest_revision_id
      )
      insert into submission_revisions (id, submission_id, revision, submitted_at, submitted_by, source, upload_id, total_sold, total_returned, total_on_hand, line_count)
      select sub.latest_revision_id, sub.id, 1, now(), u.id, 'upload', (select distinct upload_id from blocks), 0, 0, 0, 0 from sub, u`);
  }
  log(`POS: ${POS.toLocaleString("en-US")} lines in blocks (${((now() - t0) / 1000).toFixed(1)} s so far)`);
  // The claim: line i claims POS line n = 10 i (its invoice, product, customer and quantity), with exceptions.
  await client.unsafe(`
    with d as (select id from distributors where code = 'BENCH'), u as (select id from users where email = 'bench@bench.local'),
    c as (
      insert into claims (distributor_id, period, reference, latest_revision, latest_revision_id, created_by)
      select d.id, '2026-12-01', 'BENCH', 1, '00000000-0000-4000-8000-000000000017', u.id from d, u returning id
    )
    insert into claim_revisions (id, claim_id, distributor_id, revision, submitted_at, submitted_by, source, line_count)
    select '00000000-0000-4000-8000-000000000017', c.id, d.id, 1, now(), u.id, 'api', ${CLAIMS} from c, d, u;
    insert into claim_lines (revision_id, line_no, distributor_id, authorization_number, authorization_id, invoice, invoice_line, ship_date,
      end_customer, sku, product_id, quantity, book_cost, authorized_cost, claimed_amount)
    select '00000000-0000-4000-8000-000000000017', i, (select id from distributors where code = 'BENCH'),
      'SD-' || (1 + n % ${PRODUCTS}), (select a.id from sd_authorizations a where upper(a.number) = 'SD-' || (1 + n % ${PRODUCTS})),
      case when i % 20 = 0 then 'NOPE-' || i else 'INV-' || n end,
      '1', '2026-06-15', 'Customer ' || ((n % ${PRODUCTS}) % 1000), 'CL-' || lpad((1 + n % ${PRODUCTS})::text, 5, '0'), 1 + n % ${PRODUCTS},
      (1 + n % 20) + case when i % 33 = 0 then 5 else 0 end, 9.5, 6,
      ((1 + n % 20) + case when i % 33 = 0 then 5 else 0 end) * 3.5 + case when i % 41 = 0 then 10 else 0 end
    from generate_series(1, ${CLAIMS}) i, lateral (select case when i % 50 = 1 and i > 1 then 10 * (i - 1) else 10 * i end as n) k;`);
  await client.unsafe(`vacuum analyze`);
  log(`claim: ${CLAIMS.toLocaleString("en-US")} lines (${((now() - t0) / 1000).toFixed(1)} s in all)`);
}

async function main() {
  await scratchDatabase(URL_, { fresh: args.has("--fresh") });
  const owner = postgres(URL_, { max: 1, onnotice: () => {} });
  const app = await openAsLocalApp(URL_, 2);
  try {
    const [have] = await owner`select count(*)::int as n from claim_lines`.catch(() => [{ n: 0 }]);
    if (!have || Number(have.n) !== CLAIMS) {
      log("generating (pass --fresh to rebuild)");
      await owner.unsafe(`truncate claim_lines, claim_revisions, claims, sd_authorizations, pos_line_blocks, submission_revisions, submissions,
        uploads, movements, users, products, distributors restart identity cascade`).catch(() => undefined);
      await generate(owner);
    }
    await owner.unsafe(`vacuum analyze claim_lines`);
    const [d] = await owner`select id from distributors where code = 'BENCH'`;
    const [c] = await owner`select id from claims where reference = 'BENCH'`;
    const target = { revisionId: "00000000-0000-4000-8000-000000000017", claimId: String(c!.id), distributorId: Number(d!.id), submittedOn: "2026-12-03", costTolerancePct: 2 };
    const bare = sql`select count(*)::int as n from claim_lines l
      join (${reportedSalesSql(target.distributorId)}) s on s.invoice_key = upper(l.invoice) and s.product_id = l.product_id
      where l.revision_id = ${target.revisionId}::uuid`;
    const timed = async (what: "validate" | "bare") => {
      // Each rolled-back validation leaves 100 k dead line versions behind; in the app a revision's lines
      // are validated once, fresh. Vacuumed before every run (untimed), for both statements alike.
      await owner.unsafe(`vacuum claim_lines`);
      let ms = 0;
      let out: unknown;
      await app.db.transaction(async (tx) => {
        await setDbContext(tx, SYSTEM);
        // Both with the settings the app gives the validating statement (validateClaimRevision).
        for (const s of VALIDATE_SETTINGS) await tx.execute(sql.raw(s));
        const t0 = now();
        out = await tx.execute(what === "validate" ? validateClaimSql(target) : bare);
        ms = now() - t0;
        tx.rollback();
      }).catch((e: unknown) => {
        if (!(e instanceof Error && e.message.includes("Rollback"))) throw e;
      });
      return { ms, out };
    };
    await timed("bare");
    await timed("validate");
    const v: number[] = [];
    const b: number[] = [];
    let joined = 0;
    for (let r = 0; r < RUNS; r++) {
      const x = await timed("bare");
      joined = asRows<{ n: number }>(x.out)[0]?.n ?? 0;
      b.push(x.ms);
      v.push((await timed("validate")).ms);
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    // One validation kept, to report the outcomes it reaches.
    await app.db.transaction(async (tx) => {
      await setDbContext(tx, SYSTEM);
      await tx.execute(validateClaimSql(target));
    });
    const outcomes = await owner`select outcome, coalesce(reason_code, '-') as code, count(*)::int as n from claim_lines group by 1, 2 order by 3 desc`;
    log(`POS lines ${POS.toLocaleString("en-US")}, claim lines ${CLAIMS.toLocaleString("en-US")}, joined pairs ${joined.toLocaleString("en-US")}`);
    log(`bare join   median ${med(b).toFixed(0)} ms  (runs: ${b.map((x) => x.toFixed(0)).join(", ")})`);
    log(`validation  median ${med(v).toFixed(0)} ms  (runs: ${v.map((x) => x.toFixed(0)).join(", ")})`);
    log(`ratio ${(med(v) / med(b)).toFixed(2)} × the bare join (target ≤ 3)`);
    log(`outcomes: ${outcomes.map((o) => `${o.outcome}/${o.code} ${o.n}`).join(", ")}`);
  } finally {
    await app.close();
    await owner.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
