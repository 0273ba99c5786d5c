/**
 * Load benchmark: 500 distributors each submit a 200-line monthly report through the REST API
 * within a short window, against a production build on Postgres. Prints throughput, latency
 * percentiles and errors, then checks that every submission was stored exactly once.
 *
 *   npm run build                      (or NEXT_DIST_DIR=.next-bench npx next build, and the same NEXT_DIST_DIR below)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_load npx tsx bench/load/run.ts
 *
 * Options (env): LOAD_DISTRIBUTORS (500), LOAD_LINES (200), LOAD_CONNECTIONS (50), LOAD_PORT (3300).
 * The database named in DATABASE_URL is dropped and re-created: point it at a scratch database.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import autocannon from "autocannon";
import { asLocalAppLogin, openAsLocalApp } from "../../db/local-app-login";
import * as t from "../../db/schema";
import { newApiToken } from "../../lib/auth/api-token";
import { latestEndedPeriod } from "../../lib/domain/periods";

const DISTRIBUTORS = Number(process.env.LOAD_DISTRIBUTORS ?? 500);
const LINES = Number(process.env.LOAD_LINES ?? 200);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PORT = Number(process.env.LOAD_PORT ?? 3300);
const root = path.resolve(__dirname, "../..");

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function recreate(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || !["127.0.0.1", "localhost", "::1"].includes(u.hostname)) throw new Error("Use a local scratch database with a simple name");
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
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
  await recreate(url);
  const seeded = Date.now();
  const { tokens, skus } = await seed(url, period);
  console.log(`seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    cwd: root,
    // As production connects: the app's own login role, migrations as the owner (README, Configuration).
    env: { ...process.env, DATABASE_URL: asLocalAppLogin(url), SELLTHRU_MIGRATION_URL: url, AUTH_SECRET: "load-benchmark-secret-0123456789", SELLTHRU_DB_POOL: "20", SELLTHRU_JOBS_EVERY_MINUTES: "0", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(base, 60_000);
    const bodies = tokens.map((_, i) =>
      JSON.stringify({ baseRevision: null, lines: skus.map((sku, j) => ({ sku, sold: (i + j) % 90, returned: j % 7 === 0 ? 1 : 0, onHand: 50 + ((i * j) % 40) })) }),
    );
    let next = 0;
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
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
    latencies.sort((a, b) => a - b);
    const ok = statuses.get(201) ?? 0;
    const check = postgres(url, { max: 1, onnotice: () => {} });
    const [{ revisions, lines }] = await check`select (select count(*)::int from submission_revisions) as revisions, (select count(*)::int from submission_lines) as lines`;
    await check.end();
    const seconds = result.duration;
    console.log("\nresult");
    console.log(`  submissions sent      ${latencies.length}`);
    console.log(`  201 Created           ${ok}`);
    console.log(`  errors / non-2xx      ${result.errors + result.timeouts} / ${result.non2xx}  ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`  duration              ${seconds.toFixed(2)} s`);
    console.log(`  throughput            ${(latencies.length / seconds).toFixed(1)} submissions/s (${((latencies.length * LINES) / seconds).toFixed(0)} lines/s)`);
    console.log(`  latency p50/p95/p99   ${Math.round(pct(latencies, 50))} / ${Math.round(pct(latencies, 95))} / ${Math.round(pct(latencies, 99))} ms (max ${Math.round(latencies.at(-1) ?? 0)} ms)`);
    console.log(`  stored revisions      ${revisions} (expected ${DISTRIBUTORS}), lines ${lines} (expected ${DISTRIBUTORS * LINES})`);
    const lost = DISTRIBUTORS - Number(revisions);
    console.log(`  lost submissions      ${lost}`);
    if (ok !== DISTRIBUTORS || lost !== 0 || Number(lines) !== DISTRIBUTORS * LINES) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
