/*
 * `npm run jobs` — queues the reminders due now and sends the outbox, once.
 * `npm run jobs -- --watch [--every=15]` — the same every N minutes (default 15) until stopped.
 *
 * Safe to run as several instances (or next to the admin page's "Run now"): an advisory lock lets
 * one queue at a time and the outbox's unique dedupe key means a reminder is queued once; sending
 * claims rows with `for update skip locked`.
 * Needs DATABASE_URL (Postgres). The embedded database belongs to the app process: for it, use
 * "Run reminders now" on /admin/outbox instead (or run this while the app is stopped).
 */
import path from "node:path";
import { openDatabase } from "../db/open";
import { env } from "../lib/config/env";
import { runReminders } from "../lib/jobs/run-reminders";
import { sendOutbox } from "../lib/mail/send-outbox";

async function once(db: Parameters<typeof runReminders>[0]) {
  const started = Date.now();
  const r = await runReminders(db);
  const s = await sendOutbox(db);
  const when = new Date().toISOString();
  if (!r.locked) console.log(`[jobs ${when}] another instance holds the reminder lock; skipped queueing`);
  else console.log(`[jobs ${when}] reminders queued: ${r.queued.length} (${r.queued.map((q) => `${q.kind} ${q.code} ${q.period}`).join(", ") || "none"}); already queued: ${r.duplicates.length}; no recipients: ${r.noRecipients.length}`);
  console.log(s.configured ? `[jobs] sent ${s.sent}, failed ${s.failed}` : "[jobs] no SMTP_URL configured: messages stay in the outbox (see /admin/outbox)");
  console.log(`[jobs] done in ${Date.now() - started} ms`);
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
    let running = false;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        once(database.db)
          .catch((err) => console.error("[jobs] run failed", err))
          .finally(() => (running = false));
      }, minutes * 60_000);
      const stop = () => {
        clearInterval(timer);
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
