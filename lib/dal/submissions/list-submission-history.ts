/**
 * `listSubmissionHistory(db, viewer, { distributorCode? }, now?)` → `HistoryRow[]`, newest first:
 * every period of the distributor, from its first activity (sell-in, ledger or submission; at most
 * `MAX_HISTORY_MONTHS` back) to the latest ended period, each with
 * `{ period, dueAt, state, status, revisions, firstSubmittedAt, latestSubmittedAt, latestSubmittedBy,
 *    timeliness, daysLate, missingSkus }`. Distributor viewers see their own; staff name one.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { periodStatus, type ComplianceStatus, type Timeliness } from "@/lib/domain/compliance";
import { addPeriods, dateToPeriod, dueAt as computeDueAt, latestEndedPeriod, periodRange } from "@/lib/domain/periods";
import { resolveDistributor } from "../authorize";
import { getSettings } from "../settings/get-settings";
import { date, firstRow, num, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";

export const MAX_HISTORY_MONTHS = 60;

/** When a period's report came and by whom, and how it stands against the deadline (null/0 while nothing was submitted). */
export interface SubmissionStanding {
  /** The first submission's time: timeliness is judged on it. */
  firstSubmittedAt: string | null;
  latestSubmittedAt: string | null;
  latestSubmittedBy: string | null;
  timeliness: Timeliness | null;
  daysLate: number | null;
  missingSkus: number;
}

export interface HistoryRow extends SubmissionStanding {
  period: string;
  dueAt: string;
  state: "open" | "closed";
  status: ComplianceStatus;
  /** Number of revisions (0: nothing submitted). */
  revisions: number;
}

type SubRow = {
  period: string; first_submitted_at: Date; timeliness: Timeliness; days_late: number;
  latest_revision: number; missing_skus: number; latest_at: Date; by_name: string | null; by_email: string;
};

const subRow: RowMapper<SubRow> = (r) => ({
  period: str(r.period),
  first_submitted_at: date(r.first_submitted_at),
  timeliness: str(r.timeliness) as Timeliness,
  days_late: num(r.days_late),
  latest_revision: num(r.latest_revision),
  missing_skus: num(r.missing_skus),
  latest_at: date(r.latest_at),
  by_name: strOrNull(r.by_name),
  by_email: str(r.by_email),
});

export async function listSubmissionHistory(
  db: Queryable,
  viewer: Viewer,
  input: { distributorCode?: string | null } = {},
  now: Date = new Date(),
): Promise<HistoryRow[]> {
  const d = await resolveDistributor(db, viewer, input.distributorCode);
  const s = await getSettings(db);
  const latest = latestEndedPeriod(now, s.timeZone);
  const first = await firstRow(
    db,
    sql`select to_char(least(
        (select min(period) from ledger_balances where distributor_id = ${d.id}),
        (select min(period) from movements where distributor_id = ${d.id}),
        (select min(period) from submissions where distributor_id = ${d.id})), 'YYYY-MM') as p`,
    (r) => ({ p: strOrNull(r.p) }),
  );
  const floor = addPeriods(latest, -(MAX_HISTORY_MONTHS - 1));
  let from = first?.p ?? latest;
  if (from < floor) from = floor;
  if (from > latest) from = latest;

  const subs = await rows(
    db,
    sql`
      select to_char(s.period, 'YYYY-MM') as period, s.first_submitted_at, s.timeliness, s.days_late, s.latest_revision,
             s.missing_skus, r.submitted_at as latest_at, u.name as by_name, u.email as by_email
        from submissions s
        join submission_revisions r on r.id = s.latest_revision_id
        join users u on u.id = r.submitted_by
       where s.distributor_id = ${d.id}`,
    subRow,
  );
  const byPeriod = new Map(subs.map((r) => [r.period, r]));
  const periodRows = new Map(
    (await db.select().from(periods).where(sql`${periods.period} between ${from + "-01"}::date and ${latest + "-01"}::date`)).map((r) => [
      dateToPeriod(r.period),
      r,
    ]),
  );

  return periodRange(from, latest)
    .reverse()
    .map((period) => {
      const row = periodRows.get(period);
      const due = row?.dueAt ?? computeDueAt(period, { dueDay: s.dueDay, timeZone: s.timeZone });
      const sub = byPeriod.get(period);
      const first = sub ? sub.first_submitted_at : null;
      return {
        period,
        dueAt: due.toISOString(),
        state: row?.closedAt ? "closed" : "open",
        status: periodStatus({ now, dueAt: due, firstSubmittedAt: first, missingSkus: sub?.missing_skus ?? 0, graceDays: s.graceDays }),
        revisions: sub ? sub.latest_revision : 0,
        firstSubmittedAt: first?.toISOString() ?? null,
        latestSubmittedAt: sub ? sub.latest_at.toISOString() : null,
        latestSubmittedBy: sub ? sub.by_name || sub.by_email : null,
        timeliness: sub?.timeliness ?? null,
        daysLate: sub ? sub.days_late : null,
        missingSkus: sub?.missing_skus ?? 0,
      } satisfies HistoryRow;
    });
}
