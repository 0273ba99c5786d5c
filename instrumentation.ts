/**
 * At server start-up: opens (and for the embedded database migrates, then seeds with the demo when
 * empty: lib/seed/on-start.ts — db/ itself never reaches into the data layer) the database, then
 * starts the in-process scheduler that queues reminders and sends the outbox every
 * SELLTHRU_JOBS_EVERY_MINUTES (default 15; 0 = off), and parks a worker thread for large uploads.
 * Several app instances may each run it: the reminder lock and the outbox's unique dedupe key mean a
 * reminder is queued and sent once.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./db/client");
  try {
    const started = Date.now();
    const database = await getDatabase();
    const { seedDemoOnStart } = await import("./lib/seed/on-start");
    await seedDemoOnStart(database);
    console.log(`[sellthru] database ready (${database.kind}) in ${Date.now() - started} ms`);
  } catch (error) {
    console.error("[sellthru] database start-up failed; the next request retries", error);
  }
  // The month roll when a month has ended while no instance ran (never inside a request): in the
  // background, so start-up does not wait; reads of a period not built yet say it is being prepared.
  void (async () => {
    const { rollLedger } = await import("./lib/dal/ledger/roll-ledger");
    const roll = await rollLedger((await getDatabase()).db);
    if (roll.built.length || roll.bootstrapped) console.log(`[sellthru] ledger built through ${roll.through}: ${roll.built.map((b) => `${b.period} ${b.rows} rows in ${b.ms} ms`).join(", ") || "from history"}`);
  })().catch((error) => console.error("[sellthru] ledger month roll at start-up failed; the scheduled job retries", error));
  // Upload bodies spooled by a process that was killed mid-upload.
  const { sweepSpool } = await import("./lib/http/receive-body");
  await sweepSpool().catch(() => 0);
  const { startInProcessJobs } = await import("./lib/jobs/in-process");
  startInProcessJobs();
  // A part reader for large uploads, started and parked now rather than during the first one.
  const { env } = await import("./lib/config/env");
  if (env().SELLTHRU_SPLIT_UPLOAD_MB < env().SELLTHRU_MAX_UPLOAD_MB) {
    const { prewarmPartReaders } = await import("./lib/imports/split");
    prewarmPartReaders();
  }
}
