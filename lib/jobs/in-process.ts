/**
 * The app's own scheduler: every SELLTHRU_JOBS_EVERY_MINUTES (default 15, 0 = off) one pass of
 * `runJobsOnce` — reminders queued, outbox sent — first one minute after start-up. One timer per
 * process (kept on globalThis, so a dev-server reload does not start a second). Safe with several
 * app instances (see run-jobs.ts); with the embedded database it is the only way reminders go out
 * while the app runs, since `npm run jobs` cannot open a database the app holds.
 */
import { getDatabase } from "@/db/client";
import { env } from "@/lib/config/env";
import { startJobTimer, type JobTimer } from "./job-timer";
import { describeJobRun, runJobsOnce } from "./run-jobs";

const KEY = Symbol.for("sellthru.jobTimer");
type Holder = { [KEY]?: JobTimer };

export function startInProcessJobs(): JobTimer | null {
  const minutes = env().SELLTHRU_JOBS_EVERY_MINUTES;
  const holder = globalThis as Holder;
  if (minutes === 0 || holder[KEY]) return holder[KEY] ?? null;
  holder[KEY] = startJobTimer({
    everyMs: minutes * 60_000,
    firstAfterMs: 60_000,
    run: async () => {
      const run = await runJobsOnce((await getDatabase()).db);
      if (run.ledger.built.length || run.ledger.bootstrapped || run.reminders.queued.length || run.mail.sent || run.mail.failed) console.log(`[jobs] ${describeJobRun(run)}`);
    },
  });
  console.log(`[sellthru] reminder scheduler: every ${minutes} min (SELLTHRU_JOBS_EVERY_MINUTES)`);
  return holder[KEY]!;
}
