/**
 * The reminder job's reads (lib/jobs/run-reminders.ts decides; this is its SQL): the job's lock, the
 * periods that may call for a reminder, and the distributors with nothing stored for them.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periodToDate } from "@/lib/domain/periods";
import { bool, date, firstRow, num, rows, str, type RowMapper } from "@/db/sql-rows";

export const REMINDER_LOCK = 727006;

/** Takes the job's transaction-scoped lock; false when another instance is running it. */
export async function tryReminderLock(tx: Queryable): Promise<boolean> {
  const lock = await firstRow(tx, sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK}) as ok`, (r) => ({ ok: bool(r.ok) }));
  return !!lock?.ok;
}

export interface PeriodDue {
  period: string;
  dueAt: Date;
  closed: boolean;
}
const periodDueRow: RowMapper<PeriodDue> = (r) => ({ period: str(r.period), dueAt: date(r.due_at), closed: !!r.closed_at });

export interface DistributorDue {
  id: number;
  code: string;
  name: string;
  period: string;
}
const distributorDueRow: RowMapper<DistributorDue> = (r) => ({ id: num(r.id), code: str(r.code), name: str(r.name), period: str(r.period) });

/** The periods from `first` to `last` (YYYY-MM) with their due dates. */
export async function listPeriodsDue(tx: Queryable, first: string, last: string): Promise<PeriodDue[]> {
  return rows(
    tx,
    sql`select to_char(period, 'YYYY-MM') as period, due_at, closed_at from periods
                          where period between ${periodToDate(first)}::date and ${periodToDate(last)}::date`,
    periodDueRow,
  );
}

/** Active distributors with no submission for each period, among those expected to report it (stock or history). */
export async function listDistributorsDue(tx: Queryable, periods: string[]): Promise<DistributorDue[]> {
  return rows(
    tx,
    sql`
      select d.id, d.code, d.name, to_char(c.period, 'YYYY-MM') as period
        from unnest(string_to_array(${periods.map(periodToDate).join(",")}::text, ',')::date[]) as c(period)
        join distributors d on d.active
       where not exists (select 1 from submissions s where s.distributor_id = d.id and s.period = c.period)
         and (exists (select 1 from movements m where m.distributor_id = d.id and m.period <= c.period)
              or exists (select 1 from submissions s2 where s2.distributor_id = d.id and s2.period < c.period))
       order by c.period, d.code`,
    distributorDueRow,
  );
}
