/**
 * Load benchmark: 500 distributors each submit a 200-line monthly report through the REST API
 * within a short window, against a production build on Postgres, served as `npm start` serves it. Prints throughput, latency
 * percentiles and errors, then checks that every submission was stored exactly once.
 *
 *   npm run build                      (or NEXT_DIST_DIR=.next-bench npx next build, and the same NEXT_DIST_DIR below)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_load npx tsx bench/load/run.ts
 *
 * Options (env): LOAD_DISTRIBUTORS (500), LOAD_LINES (200), LOAD_CONNECTIONS (50), LOAD_PORT (3300),
 * LOAD_POOL (the app server's database pool, SELLTHRU_DB_POOL; unset: the app's default, 10),
 * LOAD_MISMATCH (0.05): the share of lines whose reported on hand differs from the calculated balance
 * (by 25–64 units: out of tolerance, so each opens an automatic exception; 1 = every line),
 * LOAD_CPU_PROF (a folder: the server's V8 CPU profile is written there when it stops),
 * LOAD_HISTORY (100000): submission lines already stored before the run — whole earlier months of the
 * same distributors and SKUs (history ÷ (distributors × lines) months), with the ledger built over them,
 * so a submission's cost can be compared across history sizes (e.g. LOAD_HISTORY=2000000).
 * The database named in DATABASE_URL is dropped and re-created: point it at a scratch database.
 *
 * In the same run, on the same database, the baseline: the same 500 submissions as bare Postgres
 * transactions (a header row and its lines in one multi-row INSERT, with foreign keys to distributors
 * and products) over as many connections, no application in between. Printed side by side, with the
 * ratios the issue sets (throughput ≥ 0.5× the database's, p95 ≤ 2× its p95), and the CPU each phase
 * cost per submission (Linux /proc: Postgres, the app server, this process), with the ceiling that
 * Postgres's share alone sets (the CPUs ÷ its CPU per submission).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import autocannon from "autocannon";
import { asLocalAppLogin, openAsLocalApp } from "../../db/local-app-login";
import * as t from "../../db/schema";
import { newApiToken } from "../../lib/auth/api-token";
import { addPeriods, latestEndedPeriod } from "../../lib/domain/periods";
import { rollLedger } from "../../lib/dal/ledger/roll-ledger";
import { scratchDatabase } from "../scratch-db";
import { serverNodeFlags } from "../../scripts/node-flags.mjs";
import { cpuSnapshot, cpuSpent, isPostgres, processTree } from "../proc-cpu";

const DISTRIBUTORS = Number(process.env.LOAD_DISTRIBUTORS ?? 500);
const LINES = Number(process.env.LOAD_LINES ?? 200);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PORT = Number(process.env.LOAD_PORT ?? 3300);
const POOL = Number(process.env.LOAD_POOL ?? 0);
const HISTORY = Number(process.env.LOAD_HISTORY ?? 100_000);
const MISMATCH = Number(process.env.LOAD_MISMATCH ?? 0.05);
const root = path.resolve(__dirname, "../..");

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function seed(url: string, period: string) {
  const database = await openAsLocalApp(url, 4);
  const db = database.db;
  await db.insert(t.settings).values({ id: 1 }).onConflictDoNothing();
  const products = await db
    .insert(t.products)
    .values(Array.from({ length: LINES }, (_, i) => ({ sku: `LD-${String(i).padStart(4, "0")}`, description: `Load part ${i}`, family: "Load", listPrice: "1.00" })))
    .returning({ id: t.products.id, sku: t.products.sku });
  const tokens: string[] = [];
  for (let start = 0; start < DISTRIBUTORS; start += 100) {
    const n = Math.min(100, DISTRIBUTORS - start);
    const ds = await db
      .insert(t.distributors)
      .values(Array.from({ length: n }, (_, i) => ({ code: `L${start + i}`, name: `Load distributor ${start + i}` })))
      .returning({ id: t.distributors.id, code: t.distributors.code });
    const us = await db
      .insert(t.users)
      .values(ds.map((d) => ({ email: `ops@${d.code.toLowerCase()}.load`, name: d.code, role: "distributor" as const, distributorId: d.id, passwordHash: "none" })))
      .returning({ id: t.users.id });
    const made = us.map(() => newApiToken());
    await db.insert(t.apiTokens).values(us.map((u, i) => ({ userId: u.id, name: "load", tokenHash: made[i]!.hash, prefix: made[i]!.prefix })));
    tokens.push(...made.map((m) => m.secret));
    const rows = ds.flatMap((d) =>
      products.map((p, j) => ({ distributorId: d.id, productId: p.id, period: `${period}-01`, type: "sell_in" as const, quantity: 100 + j, document: `LOAD-${d.code}`, documentLine: String(j) })),
    );
    for (let i = 0; i < rows.length; i += 5000) await db.insert(t.movements).values(rows.slice(i, i + 5000));
  }
  await database.close();
  return { tokens, skus: products.map((p) => p.sku) };
}

/**
 * Stores `HISTORY` submission lines of earlier months (one revision per distributor and month, every
 * SKU) in SQL as the owner, then builds the ledger over them with the job (rollLedger), as the app
 * would find a database in its second year. Returns the lines stored.
 */
async function history(url: string, period: string): Promise<number> {
  const months = Math.ceil(HISTORY / (DISTRIBUTORS * LINES));
  if (months === 0) return 0;
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  await owner.unsafe(`set synchronous_commit = off`);
  await owner.unsafe(`
    with s as (
      insert into submissions (distributor_id, period, first_submitted_at, timeliness, latest_revision, latest_revision_id)
      select d.id, (date '${addPeriods(period, -months)}-01' + make_interval(months => k))::date, now(), 'on_time', 1, gen_random_uuid()
        from distributors d cross join generate_series(0, ${months - 1}) k
      returning id, distributor_id, latest_revision_id)
    insert into submission_revisions (id, submission_id, revision, submitted_at, submitted_by, source, total_sold, total_returned, total_on_hand, line_count)
    select s.latest_revision_id, s.id, 1, now(), u.id, 'api', 0, 0, 0, ${LINES}
      from s join users u on u.distributor_id = s.distributor_id`);
  await owner.unsafe(`
    insert into submission_lines (revision_id, product_id, sold, returned, on_hand)
    select r.id, p.id, abs(hashtext(r.id::text || p.id)) % 90, 0, 50 + abs(hashtext(p.id || r.id::text)) % 40
      from submission_revisions r cross join products p`);
  // The manufacturer shipped what was sold each month: the calculated balance stays at zero through the
  // history, so this month's report can agree with it (or not: LOAD_MISMATCH).
  await owner.unsafe(`
    insert into movements (distributor_id, product_id, period, type, quantity, document, document_line)
    select s.distributor_id, l.product_id, s.period, 'sell_in', l.sold + l.returned, 'HIST-' || s.id, l.product_id::text
      from submissions s join submission_lines l on l.revision_id = s.latest_revision_id
     where l.sold + l.returned > 0`);
  await owner.unsafe(`vacuum analyze submissions, submission_revisions, submission_lines, movements`);
  const [{ n }] = await owner<{ n: number }[]>`select count(*)::int as n from submission_lines`;
  await owner.end();
  const database = await openAsLocalApp(url, 2);
  const t0 = Date.now();
  // The job builds the months through the last ended one: the ledger over the whole history.
  await rollLedger(database.db);
  console.log(`ledger built over the history in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await database.close();
  return Number(n);
}

interface Figures {
  seconds: number;
  latencies: number[];
  /** CPU seconds during the phase: Postgres (every postgres process), this client. */
  cpu: { postgres: number; client: number };
}

/** The baseline: the same submissions as bare Postgres transactions over CONNECTIONS connections. */
async function bare(url: string, period: string, bodies: { sold: number; returned: number; onHand: number }[][]): Promise<Figures> {
  const owner = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  await owner.unsafe(`
    create table bare_revisions (id uuid primary key default gen_random_uuid(), distributor_id int not null references distributors(id),
      period date not null, submitted_at timestamptz not null default now(), line_count int not null);
    create table bare_lines (revision_id uuid not null references bare_revisions(id), product_id int not null references products(id),
      sold int not null, returned int not null, on_hand int not null, primary key (revision_id, product_id))`);
  const distributorIds = (await owner<{ id: number }[]>`select id from distributors order by id`).map((r) => r.id);
  const productIds = (await owner<{ id: number }[]>`select id from products order by id`).map((r) => r.id);
  const latencies: number[] = [];
  let next = 0;
  const before = cpuSnapshot();
  const client0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const t0 = performance.now();
        await owner.begin(async (tx) => {
          const [rev] = await tx<{ id: string }[]>`insert into bare_revisions (distributor_id, period, line_count) values (${distributorIds[i]!}, ${`${period}-01`}, ${LINES}) returning id`;
          await tx`insert into bare_lines ${tx(bodies[i]!.map((l, j) => ({ revision_id: rev!.id, product_id: productIds[j]!, sold: l.sold, returned: l.returned, on_hand: l.onHand })))}`;
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = { postgres: cpuSpent(before, cpuSnapshot(), isPostgres), client: cpuSeconds(process.cpuUsage(client0)) };
  await owner.unsafe(`drop table bare_lines; drop table bare_revisions`);
  await owner.end();
  return { seconds, latencies: latencies.sort((a, b) => a - b), cpu };
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

async function waitForHealth(base: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(base + "/api/health");
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a local scratch database");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) throw new Error(`Run \`npm run build\` first (build folder ${distDir})`);
  const period = latestEndedPeriod(new Date(), "UTC");
  console.log(`load: ${DISTRIBUTORS} distributors × ${LINES} lines, period ${period}, ${CONNECTIONS} connections`);
  await scratchDatabase(url);
  const seeded = Date.now();
  const { tokens, skus } = await seed(url, period);
  const stored = await history(url, period);
  console.log(`seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s; ${stored.toLocaleString("en-US")} submission lines stored before the run`);
  // On hand as the ledger calculates it (shipped 100 + j this month, nothing left from before), except on
  // a LOAD_MISMATCH share of the lines, which report 25–64 units more: each of those opens an exception.
  const lines = tokens.map((_, i) =>
    skus.map((_, j) => {
      const sold = (i + j) % 90;
      const returned = j % 7 === 0 ? 1 : 0;
      const off = (i * 7919 + j * 104729) % 1000 < MISMATCH * 1000 ? 25 + ((i + 3 * j) % 40) : 0;
      return { sold, returned, onHand: 100 + j - sold - returned + off };
    }),
  );
  const baseline = await bare(url, period, lines);

  // LOAD_CPU_PROF=dir: the server writes a V8 CPU profile there when it stops (chrome://inspect, speedscope).
  const prof = process.env.LOAD_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.LOAD_CPU_PROF}`] : [];
  // The production server as `npm start` runs it: our server entry with its V8 flags (scripts/start.mjs).
  const server = spawn(process.execPath, [...prof, ...serverNodeFlags(), path.join(root, "scripts/server.mjs")], {
    cwd: root,
    // As production connects: the app's own login role, migrations as the owner (README, Configuration);
    // the pool at the app's default unless LOAD_POOL says otherwise.
    env: {
      ...process.env, DATABASE_URL: asLocalAppLogin(url), SELLTHRU_MIGRATION_URL: url, AUTH_SECRET: "load-benchmark-secret-0123456789",
      PORT: String(PORT), NEXT_DIST_DIR: distDir, SELLTHRU_JOBS_EVERY_MINUTES: "0", NODE_ENV: "production",
      ...(POOL ? { SELLTHRU_DB_POOL: String(POOL) } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(base, 60_000);
    const bodies = lines.map((ls) => JSON.stringify({ baseRevision: null, lines: ls.map((l, j) => ({ sku: skus[j], ...l })) }));
    let next = 0;
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const before = cpuSnapshot();
    const client0 = process.cpuUsage();
    let finish!: (r: autocannon.Result) => void;
    let fail!: (e: unknown) => void;
    const done = new Promise<autocannon.Result>((res, rej) => ((finish = res), (fail = rej)));
    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      amount: DISTRIBUTORS,
      timeout: 60,
      requests: [
        {
          method: "POST",
          path: `/api/v1/submissions/${period}`,
          setupRequest: (req) => {
            const i = next++;
            return {
              ...req,
              headers: { ...req.headers, "content-type": "application/json", authorization: `Bearer ${tokens[i]}`, "idempotency-key": randomUUID() },
              body: bodies[i],
            };
          },
        },
      ],
    }, (err, res) => (err ? fail(err) : finish(res)));
    instance.on("response", (_c: unknown, status: number, _b: number, ms: number) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    const result = await done;
    const after = cpuSnapshot();
    const serverTree = processTree(after, server.pid!);
    const cpu = {
      postgres: cpuSpent(before, after, isPostgres),
      server: cpuSpent(before, after, (pid) => serverTree.has(pid)),
      client: cpuSeconds(process.cpuUsage(client0)),
    };
    latencies.sort((a, b) => a - b);
    const ok = statuses.get(201) ?? 0;
    const check = postgres(url, { max: 1, onnotice: () => {} });
    const [{ revisions, lines: storedLines }] = await check`
      select (select count(*)::int from submission_revisions r join submissions s on s.id = r.submission_id where s.period = ${`${period}-01`}::date) as revisions,
             (select count(*)::int from submission_lines l join submission_revisions r on r.id = l.revision_id join submissions s on s.id = r.submission_id where s.period = ${`${period}-01`}::date) as lines`;
    await check.end();
    const seconds = result.duration;
    console.log("\nresult");
    console.log(`  submissions sent      ${latencies.length}`);
    console.log(`  201 Created           ${ok}`);
    console.log(`  errors / non-2xx      ${result.errors + result.timeouts} / ${result.non2xx}  ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`  duration              ${seconds.toFixed(2)} s`);
    console.log(`  throughput            ${(latencies.length / seconds).toFixed(1)} submissions/s (${((latencies.length * LINES) / seconds).toFixed(0)} lines/s)`);
    console.log(`  latency p50/p95/p99   ${Math.round(pct(latencies, 50))} / ${Math.round(pct(latencies, 95))} / ${Math.round(pct(latencies, 99))} ms (max ${Math.round(latencies.at(-1) ?? 0)} ms)`);
    console.log(`  stored revisions      ${revisions} (expected ${DISTRIBUTORS}), lines ${storedLines} (expected ${DISTRIBUTORS * LINES})`);
    const lost = DISTRIBUTORS - Number(revisions);
    console.log(`  lost submissions      ${lost}`);
    const bareRate = baseline.latencies.length / baseline.seconds;
    const bareP95 = pct(baseline.latencies, 95);
    console.log(`\nbaseline: bare Postgres, the same ${baseline.latencies.length} submissions (header + ${LINES} lines per transaction, foreign keys), ${CONNECTIONS} connections`);
    console.log(`  duration              ${baseline.seconds.toFixed(2)} s`);
    console.log(`  throughput            ${bareRate.toFixed(1)} submissions/s`);
    console.log(`  latency p50/p95/p99   ${Math.round(pct(baseline.latencies, 50))} / ${Math.round(bareP95)} / ${Math.round(pct(baseline.latencies, 99))} ms`);
    // Where the machine's CPU went, per submission (Linux /proc): the ceiling Postgres's own share sets.
    const per = (s: number, n: number) => `${((s * 1000) / n).toFixed(1)} ms`;
    const n = latencies.length;
    const bareN = baseline.latencies.length;
    const ceiling = os.cpus().length / (cpu.postgres / n);
    console.log(`\nCPU per submission (user + system, this phase only, ${os.cpus().length} CPUs)`);
    console.log(`  app       Postgres ${per(cpu.postgres, n)}, app server ${per(cpu.server, n)}, load generator ${per(cpu.client, n)}`);
    console.log(`  bare      Postgres ${per(baseline.cpu.postgres, bareN)}, client ${per(baseline.cpu.client, bareN)}`);
    console.log(`  ceiling   the app's statements alone allow at most ${ceiling.toFixed(0)} submissions/s on these CPUs (${(ceiling / bareRate).toFixed(2)}× bare), even if the app server cost nothing`);
    console.log(`\nwith ${stored.toLocaleString("en-US")} lines stored before, ${Math.round(MISMATCH * 100)} % of lines out of tolerance: throughput ${(latencies.length / seconds / bareRate).toFixed(2)}× the database's (target ≥ 0.5×), p95 ${(pct(latencies, 95) / bareP95).toFixed(2)}× its p95 (target ≤ 2×)`);
    if (ok !== DISTRIBUTORS || lost !== 0 || Number(storedLines) !== DISTRIBUTORS * LINES) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
