/**
 * Ingest benchmark (issue 4, "Speed and memory").
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_ingest npx tsx bench/ingest/run.ts
 *
 * Options (env): INGEST_LINES (1,000,000), INGEST_HTTP_URL + INGEST_HTTP_TOKEN (optional: also POST the
 * file to a running server's /api/v1/uploads with a distributor's API token).
 *
 * 1. (Re-)creates the database named in DATABASE_URL (dropped first: point it at a scratch database),
 *    applies the real migrations, adds a distributor, its user and the SKUs of the generated file.
 * 2. Generates a line-level POS CSV (Northwind's columns, US dates, quoted descriptions) to a temp file.
 * 3. (a) Baseline: `COPY … FROM STDIN (FORMAT csv, HEADER)` of the same file into an unindexed table of
 *        text columns, streamed from the file — Postgres's own bulk path, no parsing in JS.
 *    (b) The upload path through the real data layer: `ingestUpload` streaming the file (spooled, as the
 *        route does) through the parser — decode, split, map, convert, aggregate per SKU, duplicate
 *        index — and storing every POS line in `pos_line_blocks` (4,096 lines per row, inside the upload's transaction).
 *        Rows/s, this process's peak RSS growth sampled every 50 ms and its CPU time (less noisy than
 *        wall time on a shared machine).
 *    (b′) The parser alone on the same file, one thread, no database (b reads large files in two parts).
 *    (c) Optional: the HTTP route against a running server.
 * Prints a table. Targets: (b) ≥ half of (a)'s rows/s; peak memory growth ≤ 300 MB.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { openAsLocalApp } from "../../db/local-app-login";
import * as t from "../../db/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { ingestUpload } from "../../lib/dal/uploads/ingest-upload";
import { createPartResolver, parseUpload } from "../../lib/imports";
import { prewarmPartReaders } from "../../lib/imports/split";
import { generatePosCsv } from "./generate";
import { scratchDatabase } from "../scratch-db";

const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sellthru_bench_ingest";
const LINES = Number(process.env.INGEST_LINES ?? 1_000_000);
const SKUS = ["MCU-1000", "MCU-1010", "MCU-2000", "PMIC-220", "LDO-330", "BUCK-510", "SNS-ACC-3", "SNS-GYR-6", "IF-CAN-10", "MEM-FL-16"];

const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${s}\n`);

/** CPU seconds (user + system, all of this process's threads: GC helpers included) since `start`. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

/** Samples this process's RSS every 50 ms; `stop()` → peak growth over the baseline, in MB. */
function memorySampler() {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), (Math.max(peak, process.memoryUsage().rss) - base) / 1024 / 1024), baseMb: base / 1024 / 1024 };
}

async function main() {
  // As the server does at start-up (instrumentation.ts): one part reader for large uploads, parked.
  prewarmPartReaders();
  await scratchDatabase(URL_);
  const database = await openAsLocalApp(URL_, 4);
  const db = database.db;
  const [d] = await db.insert(t.distributors).values({ code: "BENCH", name: "Bench Distribution" }).returning();
  const [u] = await db.insert(t.users).values({ email: "bench@ingest.test", name: "Bench", role: "distributor", passwordHash: "none", distributorId: d!.id }).returning();
  await db.insert(t.products).values(SKUS.map((sku) => ({ sku, description: sku, family: sku.split("-")[0]!, listPrice: "1.00" })));
  const viewer: Viewer = {
    userId: u!.id, email: u!.email, name: "Bench", role: "distributor", distributorId: d!.id, distributorCode: d!.code, distributorName: d!.name, via: "session",
  };

  const file = path.join(os.tmpdir(), `sellthru-ingest-${process.pid}.csv`);
  let t0 = now();
  const { bytes } = await generatePosCsv(file, LINES);
  log(`generated ${LINES.toLocaleString("en-US")} lines, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${((now() - t0) / 1000).toFixed(1)} s → ${file}`);

  const results: { step: string; seconds: number; rows: number; memMb?: number; note?: string }[] = [];
  const sql = postgres(URL_, { max: 1, onnotice: () => {} });
  try {
    // (a) COPY baseline
    await sql.unsafe(`create table bench_copy (invoice_date text, invoice text, line text, part text, description text, qty text, price text, customer text, city text, state text, country text)`);
    t0 = now();
    const w = await sql.unsafe(`copy bench_copy from stdin with (format csv, header true)`).writable();
    await pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), w);
    const copySeconds = (now() - t0) / 1000;
    const [{ n: copied }] = (await sql.unsafe(`select count(*)::int as n from bench_copy`)) as unknown as [{ n: number }];
    results.push({ step: "(a) COPY into an unindexed table", seconds: copySeconds, rows: copied });
    log(`COPY: ${copied} rows in ${copySeconds.toFixed(2)} s`);

    // (b) the upload path through the DAL
    await new Promise((r) => setTimeout(r, 500));
    const mem = memorySampler();
    let cpu0 = process.cpuUsage();
    t0 = now();
    const a = await ingestUpload(db, viewer, {
      options: { period: "2026-10" },
      source: () => fs.createReadStream(file, { highWaterMark: 1024 * 1024 }),
      bytes,
      file,
      fileName: path.basename(file),
      maxBytes: 512 * 1024 * 1024,
    });
    const ingestSeconds = (now() - t0) / 1000;
    const ingestCpu = cpuSeconds(cpu0);
    const memMb = mem.stop();
    const [{ n: staged }] = (await sql.unsafe(`select coalesce(sum(line_count), 0)::int as n from pos_line_blocks where upload_id = '${a.uploadId}'`)) as unknown as [{ n: number }];
    results.push({
      step: "(b) upload via the DAL (parse + store POS lines)", seconds: ingestSeconds, rows: a.rowsRead, memMb,
      note: `${a.rowsAccepted} accepted, ${staged} POS lines stored, ${a.counts.errors} errors, ${a.counts.duplicates} duplicates; node CPU ${ingestCpu.toFixed(2)} s`,
    });
    log(`ingest: ${a.rowsRead} rows (${staged} staged) in ${ingestSeconds.toFixed(2)} s, peak RSS growth ${memMb.toFixed(0)} MB`);

    // (b′) the parser alone (one thread, no database)
    cpu0 = process.cpuUsage();
    t0 = now();
    let handed = 0;
    const p = await parseUpload({
      bytes: () => fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), period: "2026-10", resolvePart: createPartResolver({ skus: SKUS }),
      maxBytes: 512 * 1024 * 1024, onPosLines: (batch) => void (handed += batch.length),
    });
    const parseSeconds = (now() - t0) / 1000;
    results.push({ step: "(b′) parser alone, one thread, no database", seconds: parseSeconds, rows: p.rowsRead, note: `${handed} POS lines handed out; node CPU ${cpuSeconds(cpu0).toFixed(2)} s` });
    log(`parse only: ${p.rowsRead} rows in ${parseSeconds.toFixed(2)} s`);

    // (c) optional: the HTTP route of a running server
    if (process.env.INGEST_HTTP_URL && process.env.INGEST_HTTP_TOKEN) {
      t0 = now();
      const res = await fetch(`${process.env.INGEST_HTTP_URL.replace(/\/$/, "")}/api/v1/uploads?period=2026-10`, {
        method: "POST",
        headers: { authorization: `Bearer ${process.env.INGEST_HTTP_TOKEN}`, "content-type": "text/csv", "content-length": String(bytes) },
        body: fs.createReadStream(file) as unknown as BodyInit,
        duplex: "half",
      } as RequestInit);
      const body = (await res.json()) as { rowsRead?: number };
      results.push({ step: `(c) POST /api/v1/uploads (HTTP ${res.status})`, seconds: (now() - t0) / 1000, rows: body.rowsRead ?? 0, note: "server memory: watch the server process" });
    }
  } finally {
    await sql.end();
    await database.close();
    fs.rmSync(file, { force: true });
  }

  const copyRate = results[0]!.rows / results[0]!.seconds;
  console.log("");
  console.log(`Ingest benchmark — ${LINES.toLocaleString("en-US")} POS lines, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log("| step | seconds | rows/s | vs COPY | peak memory growth | note |");
  console.log("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const r of results) {
    const rate = r.rows / r.seconds;
    console.log(
      `| ${r.step} | ${r.seconds.toFixed(2)} | ${Math.round(rate).toLocaleString("en-US")} | ${((rate / copyRate) * 100).toFixed(0)} % | ${r.memMb === undefined ? "" : `${r.memMb.toFixed(0)} MB`} | ${r.note ?? ""} |`,
    );
  }
  const b = results.find((r) => r.step.startsWith("(b)"))!;
  const ok = b.rows / b.seconds >= copyRate / 2 && (b.memMb ?? 0) <= 300;
  console.log(`\nTargets: ≥ 50 % of COPY's rows/s → ${((b.rows / b.seconds / copyRate) * 100).toFixed(0)} %; ≤ 300 MB → ${b.memMb?.toFixed(0)} MB. ${ok ? "MET" : "NOT MET"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
