/**
 * `queueReminders(db, targets, ctx)` writes one outbox row per distributor × reminder, addressed to
 * every active user of that distributor (comma-separated), keyed by `reminderKey(...)`. The unique
 * dedupe key with `on conflict do nothing` makes queueing the same reminder again a no-op, however
 * many job instances run. Distributors without an active user get nothing (reported back).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { outbox } from "@/db/schema";
import { num, rows, str } from "@/db/sql-rows";
import { reminderKey, reminderMessage, type ReminderKind } from "./messages";

export interface ReminderTarget {
  distributorId: number;
  code: string;
  name: string;
  period: string;
  dueAt: Date;
  kind: ReminderKind;
  requestId?: string;
  submitted?: boolean;
}

export interface QueueResult {
  queued: { code: string; period: string; kind: ReminderKind; key: string }[];
  duplicates: string[];
  noRecipients: string[];
}

export async function queueReminders(
  db: Queryable,
  targets: ReminderTarget[],
  ctx: { manufacturer: string; timeZone: string; now: Date },
): Promise<QueueResult> {
  const result: QueueResult = { queued: [], duplicates: [], noRecipients: [] };
  if (targets.length === 0) return result;
  const ids = [...new Set(targets.map((t) => t.distributorId))];
  const recipients = new Map(
    await rows(
      db,
      sql`
        select distributor_id, string_agg(email, ', ' order by lower(email)) as emails
          from users
         where active and role = 'distributor' and distributor_id = any(${sql.param(ids)}::int[])
         group by distributor_id`,
      (r): [number, string] => [num(r.distributor_id), str(r.emails)],
    ),
  );
  const values: (typeof outbox.$inferInsert)[] = [];
  for (const t of targets) {
    const to = recipients.get(t.distributorId);
    if (!to) {
      result.noRecipients.push(t.code);
      continue;
    }
    const msg = reminderMessage({ kind: t.kind, manufacturer: ctx.manufacturer, distributorName: t.name, period: t.period, dueAt: t.dueAt, timeZone: ctx.timeZone, submitted: t.submitted, now: ctx.now });
    values.push({
      dedupeKey: reminderKey(t.kind, t.code, t.period, t.requestId),
      distributorId: t.distributorId,
      toAddress: to,
      subject: msg.subject,
      body: msg.body,
      kind: t.kind,
    });
  }
  if (values.length === 0) return result;
  const inserted = await db
    .insert(outbox)
    .values(values)
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ key: outbox.dedupeKey, kind: outbox.kind });
  const fresh = new Set(inserted.map((r) => r.key));
  for (const v of values) {
    const [, kind, code, period] = v.dedupeKey.split(":");
    if (fresh.has(v.dedupeKey)) result.queued.push({ code: code!, period: period!, kind: kind as ReminderKind, key: v.dedupeKey });
    else result.duplicates.push(code!);
  }
  return result;
}
