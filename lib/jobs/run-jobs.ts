/**
 * One pass of the background work: build the ledger of any month that has ended since the last pass
 * (the month roll, lib/dal/ledger/roll-ledger.ts), queue the reminders due now, then send the outbox (when SMTP is
 * configured). Shared by `npm run jobs`, the in-process timer and the admin's "Run now" button.
 * Safe to run from several processes at once: see `runReminders` (advisory lock, unique dedupe key)
 * and `sendOutbox` (rows claimed with `for update skip locked`).
 */
import type { Db } from "@/db/open";
import { SYSTEM, withDbContext } from "@/db/rls";
import { sendOutbox, type SendResult } from "@/lib/mail/send-outbox";
import { runReminders, type RunRemindersResult } from "./run-reminders";
import { rollLedger, type RollResult } from "@/lib/dal/ledger/roll-ledger";

export interface JobRun {
  ledger: RollResult;
  reminders: RunRemindersResult;
  mail: SendResult;
}

export async function runJobsOnce(db: Db, now = new Date()): Promise<JobRun> {
  // Work about every distributor: the `system` context of row-level security, whoever started it
  // (the app's pool has no context of its own). Two transactions: the mail is not held up by the queue.
  const ledger = await rollLedger(db, now);
  const reminders = await withDbContext(db, SYSTEM, (tx) => runReminders(tx, now));
  const mail = await withDbContext(db, SYSTEM, (tx) => sendOutbox(tx));
  return { ledger, reminders, mail };
}

/** One line for logs and the admin page. */
export function describeJobRun({ ledger: l, reminders: r, mail: s }: JobRun): string {
  const queued = !r.locked
    ? "another instance holds the reminder lock; nothing queued here"
    : r.queued.length
      ? `${r.queued.length} reminder(s) queued: ${r.queued.map((q) => `${q.kind} ${q.code} ${q.period}`).join(", ")}`
      : r.duplicates.length
        ? `no new reminder (${r.duplicates.length} due now already queued)`
        : "no reminder due now";
  const sent = s.configured ? `sent ${s.sent}, failed ${s.failed}` : "not sent: no SMTP configured (see /admin/outbox)";
  const rolled = l.bootstrapped
    ? `ledger computed from history through ${l.through ?? "—"}; `
    : l.built.length
      ? `ledger built for ${l.built.map((b) => `${b.period} (${b.rows} rows, ${b.ms} ms)`).join(", ")}; `
      : "";
  return `${rolled}${queued}; ${sent}`;
}
