#!/usr/bin/env node
/**
 * Submit-page benchmark (issue 3, "Speed"): a distributor with 2,000 SKUs on Postgres, the
 * production build, headless Chromium. Prints figures; it is not a test and asserts nothing.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_submit node bench/submit-page/run.mjs [--runs=7] [--rebuild] [--port=3197]
 *
 * 1. Creates the database if missing (local databases only) and seeds it with ./seed.ts (through
 *    tsx, with the app's migrations, schema and data layer): distributor BENCH, user
 *    bench@submit.bench, BENCH_SKUS (2,000) products with sell-in, last period submitted. The open
 *    period's draft is deleted first, so the grid starts from the prefill.
 * 2. Builds the app into .next-bench-submit (once; --rebuild forces it) and starts `next start` against the
 *    database (AUTH_SECRET generated, demo never seeded).
 * 3. Signs in, then per run navigates to /submit?bench=1 and measures, with the page's own clock
 *    (performance.now(), 0 = navigation start): time to first byte, DOMContentLoaded, the grid
 *    hydrated (`data-ready`), and "interactive" = as soon as the grid is hydrated, an in-page probe
 *    focuses the first Sold cell, types a digit (an input event, as a key press makes) and waits for
 *    the row's live Expected value to change. The same is then done through Playwright (real key
 *    events over CDP, which adds the driver's latency). Median, min and max over --runs runs, after
 *    one warm-up.
 * 4. Counts row renders per keystroke: `?bench=1` makes each grid row add 1 to
 *    window.__sellthruGridRenders when it renders (a cheap counter, no change of behaviour), so one
 *    keystroke should cost 1 row render whatever the number of SKUs. Also a 10 × 3 block paste.
 * 5. Times POST /api/v1/submissions/{period} with all 2,000 lines (a new revision each time, measured
 *    from the client on this machine, so it includes HTTP and JSON on top of the server's work), then
 *    submitPeriod and getSubmissionView called directly in Node (./submit-server.ts), and the
 *    maintained-ledger refresh of the whole distributor (every product) on its own, for scale.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (CHROMIUM_PATH overrides).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const arg = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const RUNS = Number(arg("runs", 7));
const PORT = Number(arg("port", 3197));
const DIST = ".next-bench-submit";
const SERVER_LOG = path.join(root, "bench/out/submit-page-server.log");
const URL_ = process.env.DATABASE_URL;
const base = `http://127.0.0.1:${PORT}`;
const log = (s) => process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${s}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;

if (!URL_) {
  console.error("DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/sellthru_bench_submit");
  process.exit(2);
}

async function ensureDatabase() {
  const u = new URL(URL_);
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(u.hostname)) throw new Error(`Refusing to benchmark a non-local database (${u.hostname})`);
  const name = u.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name ${name}`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database ${name}`);
  await admin.end();
}

function seed() {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "bench/submit-page/seed.ts")], {
    cwd: root,
    env: { ...process.env, SELLTHRU_SEED_DEMO: "never" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`seed failed:\n${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

/** submitPeriod and getSubmissionView timed in Node, without HTTP (./submit-server.ts). */
function serverSide(period) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "bench/submit-page/submit-server.ts"), period], {
    cwd: root,
    env: { ...process.env, SELLTHRU_SEED_DEMO: "never" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`submit-server failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

function build() {
  if (fs.existsSync(path.join(root, DIST, "BUILD_ID")) && !args.includes("--rebuild")) return log(`reusing the build in ${DIST} (--rebuild to rebuild)`);
  log(`next build → ${DIST} …`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: DIST, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error("next build failed");
  log(`built in ${ms(Date.now() - t0)}`);
}

async function startServer(appUrl) {
  fs.mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const out = fs.openSync(SERVER_LOG, "w");
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_DIST_DIR: DIST,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64"),
      SELLTHRU_SEED_DEMO: "never",
      SELLTHRU_JOBS_EVERY_MINUTES: "0",
      // The app's own login role (seed.ts made it); migrations, if any, as the owner.
      DATABASE_URL: appUrl,
      SELLTHRU_MIGRATION_URL: URL_,
    },
    stdio: ["ignore", out, out],
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited; see ${SERVER_LOG}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error(`the server did not start; see ${SERVER_LOG}`);
}

/**
 * Runs in the page before its scripts. When the grid marks itself hydrated it records the time,
 * focuses the first Sold cell and types a digit the way the browser does (an input event), then
 * records when the row's live Expected value shows it: "interactive", with no test-driver latency.
 */
function readyProbe() {
  const start = () => {
    const grid = document.querySelector('[data-testid="submission-grid"][data-ready="1"]');
    if (!grid || window.__benchReadyAt !== undefined) return;
    window.__benchReadyAt = performance.now();
    const input = grid.querySelector('input[data-col="sold"]');
    const expected = grid.querySelector('td[data-col="expected"]');
    if (!input || !expected) return;
    const before = expected.textContent;
    input.focus();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setValue.call(input, input.value.replace(/\D/g, "").endsWith("7") ? "8" : "7");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const check = () => {
      if (expected.textContent !== before) window.__benchInteractiveAt = performance.now();
      else requestAnimationFrame(check);
    };
    check();
  };
  new MutationObserver(start).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
}

async function measureOnce(page, period) {
  await page.goto(`${base}/submit?period=${period}&bench=1`, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="submission-grid"][data-ready="1"]', { timeout: 60_000 });
  await page.waitForFunction(() => window.__benchInteractiveAt !== undefined, null, { timeout: 10_000 });
  // The same through the test driver (CDP): focus, a real key press, the row re-rendered.
  const expected = page.locator('td[data-col="expected"]').first();
  const before = await expected.textContent();
  const first = page.locator('input[data-col="sold"]').first();
  const digit = (await first.inputValue()).endsWith("7") ? "8" : "7";
  await first.focus();
  await page.keyboard.type(digit);
  const drivenAt = await page.waitForFunction(
    (prev) => {
      const t = document.querySelector('td[data-col="expected"]')?.textContent;
      return t && t !== prev ? performance.now() : false;
    },
    before,
    { polling: "raf", timeout: 10_000 },
  );
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    return {
      ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: n.transferSize,
      ready: window.__benchReadyAt, interactive: window.__benchInteractiveAt,
    };
  });
  return { ...nav, driven: await drivenAt.jsonValue() };
}

async function main() {
  await ensureDatabase();
  log("seeding …");
  const s = seed();
  log(`seeded: distributor BENCH, ${s.skus} SKUs, open period ${s.period}`);
  build();
  const server = await startServer(s.appUrl);
  log(`next start on ${base} (pid ${server.pid})`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    await context.addInitScript(readyProbe);
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("E-mail").fill(s.email);
    await page.getByLabel("Password").fill(s.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/submit/, { timeout: 60_000 });

    await measureOnce(page, s.period); // warm-up (server caches, JIT)
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(page, s.period));

    // Row renders per keystroke, on a loaded grid.
    await page.waitForTimeout(1000);
    const rows = await page.locator("tbody tr[aria-rowindex]").count();
    const renders = async (fn) => {
      await page.evaluate(() => (window.__sellthruGridRenders = 0));
      await fn();
      await page.waitForTimeout(400);
      return page.evaluate(() => window.__sellthruGridRenders ?? 0);
    };
    const cell = page.locator('input[data-col="sold"]').nth(3);
    const focusRenders = await renders(() => cell.focus());
    const oneKey = await renders(() => page.keyboard.type("4"));
    const fiveKeys = await renders(() => page.keyboard.type("12345"));
    const arrow = await renders(() => page.keyboard.press("ArrowDown"));
    const pasteBlock = await renders(() =>
      page.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData("text/plain", Array.from({ length: 10 }, (_, i) => `${i}\t1\t${i + 5}`).join("\r\n") + "\r\n");
        document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      }),
    );

    // Submitting all lines through the REST API (a new revision each time).
    const submitTimes = [];
    for (let i = 0; i < 3; i++) {
      const v = await (await page.request.get(`${base}/api/v1/submissions/${s.period}`)).json();
      const lines = v.lines.map((l) => ({ sku: l.sku, sold: l.sold + (i % 2), returned: l.returned, onHand: l.onHand }));
      const t0 = performance.now();
      const res = await page.request.post(`${base}/api/v1/submissions/${s.period}`, {
        headers: { "Idempotency-Key": randomUUID() },
        data: { baseRevision: v.revision, lines },
      });
      const dt = performance.now() - t0;
      if (res.status() !== 201) throw new Error(`submit: ${res.status()} ${await res.text()}`);
      submitTimes.push(dt);
    }
    // The next run starts from the prefill again only after a re-seed; the revisions stay (bench data).

    const col = (k) => runs.map((r) => r[k]);
    const line = (label, xs) => log(`${label.padEnd(44)} median ${ms(median(xs)).padStart(8)}   min ${ms(Math.min(...xs)).padStart(8)}   max ${ms(Math.max(...xs)).padStart(8)}`);
    log("");
    log(`submit page, ${s.skus} SKUs, ${RUNS} runs (0 = navigation start, page clock)`);
    line("time to first byte", col("ttfb"));
    line("DOMContentLoaded", col("dcl"));
    line("grid hydrated (data-ready)", col("ready"));
    line("interactive: a digit typed shows in its row", col("interactive"));
    line("  the same driven through CDP (+ latency)", col("driven"));
    log(`HTML transferred: ${Math.round(median(col("bytes")) / 1024)} KiB;  rows in the DOM: ${rows} of ${s.skus} (virtualised)`);
    log("");
    log("row renders (window.__sellthruGridRenders)");
    log(`  focusing a cell            ${focusRenders}`);
    log(`  one keystroke              ${oneKey}`);
    log(`  five keystrokes            ${fiveKeys}`);
    log(`  ArrowDown to the next row  ${arrow}`);
    log(`  pasting a 10 × 3 block     ${pasteBlock}`);
    log("");
    line(`POST ${s.skus} lines (client round trip)`, submitTimes);
    const sv = serverSide(s.period);
    line(`submitPeriod, ${s.skus} lines, in Node (no HTTP)`, sv.submitMs);
    line("refreshLedger, whole distributor, on its own", sv.refreshMs);
    line(`getSubmissionView, ${s.skus} lines, in Node`, sv.viewMs);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
