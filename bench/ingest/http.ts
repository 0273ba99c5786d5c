/**
 * The upload over HTTP (issue 11 item 4), against the same database's own COPY, several times in one run.
 *
 *   NEXT_DIST_DIR=.next-bench npx next build
 *   NEXT_DIST_DIR=.next-bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_http npx tsx bench/ingest/http.ts
 *
 * Options (env): INGEST_LINES (1,000,000), INGEST_RUNS (5), INGEST_CPU_PROF (a folder for the server's CPU profiles).
 *
 * The database in DATABASE_URL is dropped and re-created (migrated by the server at start-up); a
 * distributor, its user, an API token and the file's SKUs are added; the production build is served
 * by our own server entry with its V8 flags (scripts/server.mjs, scripts/node-flags.mjs, as `npm start` does). Then, per run, alternately:
 *  (a) `COPY … FROM STDIN (FORMAT csv, HEADER)` of the file into an unindexed table of text columns;
 *  (b) `POST /api/v1/uploads` of the same file, streamed from disk by this process, the server's
 *      resident memory sampled from /proc every 50 ms (growth over its level before the request), and
 *      `GET /api/health` asked every 100 ms meanwhile (its slowest answer: do other requests wait?).
 * Prints each run and the medians. Targets: (b) ≥ 0.5× (a)'s rows/s; ≤ 300 MB growth.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { asLocalAppLogin, openAsLocalApp } from "../../db/local-app-login";
import * as t from "../../db/schema";
import { newApiToken } from "../../lib/auth/api-token";
import { generatePosCsv } from "./generate";
import { scratchDatabase } from "../scratch-db";
import { serverNodeFlags } from "../../scripts/node-flags.mjs";
import { cpuSnapshot, cpuSpent, isPostgres, processTree } from "../proc-cpu";

const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sellthru_bench_http";
const LINES = Number(process.env.INGEST_LINES ?? 1_000_000);
const RUNS = Number(process.env.INGEST_RUNS ?? 5);
const PORT = 3190 + Math.floor(Math.random() * 9);
const SKUS = ["MCU-1000", "MCU-1010", "MCU-2000", "PMIC-220", "LDO-330", "BUCK-510", "SNS-ACC-3", "SNS-GYR-6", "IF-CAN-10", "MEM-FL-16"];
const root = path.resolve(__dirname, "../..");
const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
};

async function main() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) throw new Error(`Build first: NEXT_DIST_DIR=${distDir} npx next build`);
  await scratchDatabase(URL_);
  // As production connects (README, Configuration): migrated as the owner, then the app's own login role.
  const database = await openAsLocalApp(URL_, 2);
  const db = database.db;
  const [d] = await db.insert(t.distributors).values({ code: "BENCH", name: "Bench Distribution" }).returning();
  const [u] = await db.insert(t.users).values({ email: "bench@http.test", name: "Bench", role: "distributor", passwordHash: "none", distributorId: d!.id }).returning();
  await db.insert(t.products).values(SKUS.map((sku) => ({ sku, description: sku, family: sku.split("-")[0]!, listPrice: "1.00" })));
  const token = newApiToken();
  await db.insert(t.apiTokens).values({ userId: u!.id, name: "bench", tokenHash: token.hash, prefix: token.prefix });
  await database.close();

  const file = path.join(os.tmpdir(), `sellthru-http-${process.pid}.csv`);
  const { bytes } = await generatePosCsv(file, LINES);
  // INGEST_CPU_PROF=dir: the server (and its worker threads) write V8 CPU profiles there when it stops.
  const prof = process.env.INGEST_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.INGEST_CPU_PROF}`] : [];
  const server = spawn(process.execPath, [...prof, ...serverNodeFlags(), path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: asLocalAppLogin(URL_), SELLTHRU_MIGRATION_URL: URL_, PORT: String(PORT), NODE_ENV: "production", NEXT_DIST_DIR: distDir, AUTH_SECRET: "bench-secret-bench-secret-bench-secret", SELLTHRU_JOBS_EVERY_MINUTES: "0", SELLTHRU_MAX_UPLOAD_MB: "512" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout!.on("data", (b: Buffer) => (log += b));
  server.stderr!.on("data", (b: Buffer) => (log += b));
  const base = `http://127.0.0.1:${PORT}`;
  const sql = postgres(URL_, { max: 1, onnotice: () => {} });
  const rows: { copyS: number; httpS: number; memMb: number; healthMaxMs: number; status: number; rows: number; cpu: { copyPg: number; httpPg: number; httpServer: number } }[] = [];
  try {
    for (let i = 0; i < 120; i++) {
      if ((await fetch(`${base}/api/health`).then((r) => r.status).catch(() => 0)) === 200) break;
      if (i === 119) throw new Error(`server did not start:\n${log}`);
      await sleep(500);
    }
    // The server's own pid (scripts/server.mjs runs Next in-process).
    const pid = server.pid!;
    // One warm-up upload (JIT, part reader), not counted.
    const upload = async () => {
      const res = await fetch(`${base}/api/v1/uploads?period=2026-10`, {
        method: "POST",
        headers: { authorization: `Bearer ${token.secret}`, "content-type": "text/csv", "content-length": String(bytes) },
        body: fs.createReadStream(file, { highWaterMark: 1024 * 1024 }) as unknown as BodyInit,
        duplex: "half",
      } as RequestInit);
      return { status: res.status, body: (await res.json()) as { rowsRead?: number; error?: { message: string } } };
    };
    await upload();
    await sql.unsafe(`create table bench_copy (invoice_date text, invoice text, line text, part text, description text, qty text, price text, customer text, city text, state text, country text)`);
    for (let run = 0; run < RUNS; run++) {
      await sql.unsafe(`truncate bench_copy`);
      let cpu0 = cpuSnapshot();
      let t0 = now();
      await pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), await sql.unsafe(`copy bench_copy from stdin with (format csv, header true)`).writable());
      const copyS = (now() - t0) / 1000;
      const copyPg = cpuSpent(cpu0, cpuSnapshot(), isPostgres);
      await sleep(1000);
      const baseMb = rssMb(pid);
      let peak = baseMb;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
      let healthMax = 0;
      let uploading = true;
      const health = (async () => {
        while (uploading) {
          const s = now();
          await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
          healthMax = Math.max(healthMax, now() - s);
          await sleep(100);
        }
      })();
      cpu0 = cpuSnapshot();
      t0 = now();
      const r = await upload();
      const httpS = (now() - t0) / 1000;
      const cpu1 = cpuSnapshot();
      const tree = processTree(cpu1, pid);
      const cpu = { copyPg, httpPg: cpuSpent(cpu0, cpu1, isPostgres), httpServer: cpuSpent(cpu0, cpu1, (p) => tree.has(p)) };
      uploading = false;
      await health;
      clearInterval(sampler);
      rows.push({ copyS, httpS, memMb: peak - baseMb, healthMaxMs: healthMax, status: r.status, rows: r.body.rowsRead ?? 0, cpu });
      console.log(`run ${run + 1}: COPY ${copyS.toFixed(2)} s, HTTP ${httpS.toFixed(2)} s (${r.status}, ${r.body.rowsRead} rows) → ${((copyS / httpS) * 100).toFixed(0)} % of COPY; server RSS +${(peak - baseMb).toFixed(0)} MB; /api/health slowest ${healthMax.toFixed(0)} ms; CPU: COPY Postgres ${cpu.copyPg.toFixed(2)} s, upload Postgres ${cpu.httpPg.toFixed(2)} s + server ${cpu.httpServer.toFixed(2)} s; load ${os.loadavg()[0]!.toFixed(1)}`);
      if (r.status !== 200) throw new Error(`upload failed: ${JSON.stringify(r.body)}`);
    }
  } finally {
    await sql.end();
    server.kill("SIGTERM");
    fs.rmSync(file, { force: true });
  }
  const ratios = rows.map((r) => r.copyS / r.httpS);
  console.log("");
  console.log(`HTTP upload benchmark — ${LINES.toLocaleString("en-US")} lines, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${RUNS} runs, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log("| figure | median | min – max |");
  console.log("| --- | ---: | ---: |");
  const line = (name: string, xs: number[], f: (x: number) => string) => console.log(`| ${name} | ${f(median(xs))} | ${f(Math.min(...xs))} – ${f(Math.max(...xs))} |`);
  line("COPY s", rows.map((r) => r.copyS), (x) => x.toFixed(2));
  line("POST /api/v1/uploads s", rows.map((r) => r.httpS), (x) => x.toFixed(2));
  line("HTTP rows/s ÷ COPY rows/s (same run)", ratios, (x) => `${(x * 100).toFixed(0)} %`);
  line("server RSS growth MB", rows.map((r) => r.memMb), (x) => x.toFixed(0));
  line("CPU s, Postgres, during COPY", rows.map((r) => r.cpu.copyPg), (x) => x.toFixed(2));
  line("CPU s, Postgres, during the upload", rows.map((r) => r.cpu.httpPg), (x) => x.toFixed(2));
  line("CPU s, app server (all threads), during the upload", rows.map((r) => r.cpu.httpServer), (x) => x.toFixed(2));
  line("/api/health slowest answer during the upload, ms", rows.map((r) => r.healthMaxMs), (x) => x.toFixed(0));
  const ok = median(ratios) >= 0.5 && Math.max(...rows.map((r) => r.memMb)) <= 300;
  console.log(`\nTargets: median ≥ 50 % of COPY → ${(median(ratios) * 100).toFixed(0)} %; ≤ 300 MB → max ${Math.max(...rows.map((r) => r.memMb)).toFixed(0)} MB. ${ok ? "MET" : "NOT MET"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
