/**
 * The reminder job's reads (lib/jobs/run-reminders.ts decides; this is its SQL): the job's lock, the
 * periods that may call for a reminder, and the distributors with nothing stored for them.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periodToDate } from "@/lib/domain/periods";
import { asRows } from "@/lib/dal/sql-rows";

export const REMINDER_LOCK = 727006;

/** Takes the job's transaction-scoped lock; false when another instance is running it. */
export async function tryReminderLock(tx: Queryable): Promise<boolean> {
  const [lock] = asRows<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK}) as ok`));
  return !!lock?.ok;
}

export interface PeriodDue {
  period: string;
  dueAt: Date;
  closed: boolean;
}

/** The periods from `first` to `last` (YYYY-MM) with their due dates. */
export async function listPeriodsDue(tx: Queryable, first: string, last: string): Promise<PeriodDue[]> {
  const rows = asRows<{ period: string; due_at: string | Date; closed_at: unknown }>(
    await tx.execute(sql`select to_char(period, 'YYYY-MM') as period, due_at, closed_at from periods
                          where period between ${periodToDate(first)}::date and ${periodToDate(last)}::date`),
  );
  return rows.map((r) => ({ period: r.period, dueAt: new Date(r.due_at), closed: !!r.closed_at }));
}

/** Active distributors with no submission for each period, among those expected to report it (stock or history). */
export async function listDistributorsDue(tx: Queryable, periods: string[]): Promise<{ id: number; code: string; name: string; period: string }[]> {
  const rows = asRows<{ id: number; code: string; name: string; period: string }>(
    await tx.execute(sql`
      select d.id, d.code, d.name, to_char(c.period, 'YYYY-MM') as period
        from unnest(string_to_array(${periods.map(periodToDate).join(",")}::text, ',')::date[]) as c(period)
        join distributors d on d.active
       where not exists (select 1 from submissions s where s.distributor_id = d.id and s.period = c.period)
         and (exists (select 1 from movements m where m.distributor_id = d.id and m.period <= c.period)
              or exists (select 1 from submissions s2 where s2.distributor_id = d.id and s2.period < c.period))
       order by c.period, d.code`),
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
