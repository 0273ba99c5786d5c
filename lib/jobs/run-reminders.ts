/**
 * `runReminders(db, now?)` — queues the reminders due at `now`, once each:
 * - "before":  from `reminder_days_before` days before the deadline until the due day;
 * - "due_day": on the due day (in the manufacturer's time zone), until the deadline;
 * - "overdue": after the deadline, for a partner that has still submitted nothing (once; up to 30 days).
 * Only open (not closed) periods, only distributors with activity by then and with no submission.
 *
 * Safe with several instances: a transaction-level advisory lock lets one run at a time (the others
 * return `locked: false` at once), and the outbox's unique dedupe key makes a second queueing a no-op.
 */
import type { Db } from "@/db/open";
import { DAY_MS } from "@/lib/domain/compliance";
import { addPeriods, latestEndedPeriod } from "@/lib/domain/periods";
import { ensurePeriods } from "@/lib/dal/periods/ensure-periods";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { listDistributorsDue, listPeriodsDue, tryReminderLock } from "@/lib/dal/reminders/reminder-queries";
import { queueReminders, type QueueResult, type ReminderTarget } from "@/lib/dal/reminders/queue-reminders";
import type { ReminderKind } from "@/lib/dal/reminders/messages";

const OVERDUE_WINDOW_DAYS = 30;

const localDay = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

/** Which reminder kind (if any) a period calls for at `now`. Pure. */
export function reminderKindAt(now: Date, dueAt: Date, daysBefore: number, timeZone: string): ReminderKind | null {
  const t = now.getTime();
  const due = dueAt.getTime();
  if (t <= due) {
    if (localDay(now, timeZone) === localDay(dueAt, timeZone)) return "due_day";
    if (daysBefore > 0 && t >= due - daysBefore * DAY_MS) return "before";
    return null;
  }
  if (Math.floor(t / 1000) > Math.floor(due / 1000) && t - due <= OVERDUE_WINDOW_DAYS * DAY_MS) return "overdue";
  return null;
}

export interface RunRemindersResult extends QueueResult {
  locked: boolean;
  candidates: { period: string; kind: ReminderKind }[];
}

export async function runReminders(db: Db, now = new Date()): Promise<RunRemindersResult> {
  return db.transaction(async (tx) => {
    if (!(await tryReminderLock(tx))) return { locked: false, candidates: [], queued: [], duplicates: [], noRecipients: [] };
    const s = await getSettings(tx);
    const latest = latestEndedPeriod(now, s.timeZone);
    const first = addPeriods(latest, -2);
    const last = addPeriods(latest, 1);
    await ensurePeriods(tx, s, first, last);
    const candidates: { period: string; kind: ReminderKind; dueAt: Date }[] = [];
    for (const p of await listPeriodsDue(tx, first, last)) {
      if (p.closed) continue;
      const kind = reminderKindAt(now, p.dueAt, s.reminderDaysBefore, s.timeZone);
      if (kind) candidates.push({ period: p.period, kind, dueAt: p.dueAt });
    }
    if (candidates.length === 0) return { locked: true, candidates: [], queued: [], duplicates: [], noRecipients: [] };

    const due = await listDistributorsDue(tx, candidates.map((c) => c.period));
    const byPeriod = new Map(candidates.map((c) => [c.period, c]));
    const targets: ReminderTarget[] = due.map((r) => {
      const c = byPeriod.get(r.period)!;
      return { distributorId: r.id, code: r.code, name: r.name, period: r.period, dueAt: c.dueAt, kind: c.kind };
    });
    const result = await queueReminders(tx, targets, { manufacturer: s.manufacturerName, timeZone: s.timeZone, now });
    return { locked: true, candidates: candidates.map(({ period, kind }) => ({ period, kind })), ...result };
  });
}
