/*
 * `npm run jobs` — queues the reminders due now and sends the outbox, once.
 * `npm run jobs -- --watch [--every=15]` — the same every N minutes (default 15) until stopped.
 *
 * Safe to run as several instances (or next to the admin page's "Run now"): an advisory lock lets
 * one queue at a time and the outbox's unique dedupe key means a reminder is queued once; sending
 * claims rows with `for update skip locked`.
 * Needs DATABASE_URL (Postgres). The running app also does this itself every
 * SELLTHRU_JOBS_EVERY_MINUTES (lib/jobs/in-process.ts); this script is for a separate worker or cron.
 * The embedded database belongs to the app process: run this against it only while the app is stopped.
 */
import path from "node:path";
import { openDatabase } from "../db/open";
import { env } from "../lib/config/env";
import { startJobTimer } from "../lib/jobs/job-timer";
import { describeJobRun, runJobsOnce } from "../lib/jobs/run-jobs";

async function once(db: Parameters<typeof runJobsOnce>[0]) {
  const started = Date.now();
  const run = await runJobsOnce(db);
  console.log(`[jobs ${new Date().toISOString()}] ${describeJobRun(run)} (${Date.now() - started} ms)`);
}

async function main() {
  const e = env();
  const watch = process.argv.includes("--watch");
  const everyArg = process.argv.find((a) => a.startsWith("--every="));
  const minutes = everyArg ? Number(everyArg.slice("--every=".length)) : 15;
  if (!Number.isFinite(minutes) || minutes < 1) throw new Error("--every must be a number of minutes ≥ 1");
  const database = await openDatabase(
    e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, pool: 2 }
      : { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.SELLTHRU_DATA_DIR, "pglite") },
    { connectAs: "system" },
  );
  if (database.kind === "pglite") console.warn("[jobs] embedded database: make sure the app is not running on the same data directory");
  try {
    await once(database.db);
    if (!watch) return;
    console.log(`[jobs] watching: every ${minutes} min`);
    const keepAlive = setInterval(() => {}, 1 << 30);
    const timer = startJobTimer({ everyMs: minutes * 60_000, run: () => once(database.db) });
    await new Promise<void>((resolve) => {
      const stop = () => {
        timer.stop();
        clearInterval(keepAlive);
        resolve();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
