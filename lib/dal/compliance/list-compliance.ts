/**
 * `listCompliance(db, viewer, query, now?)` → the compliance board: distributors × periods with the
 * status of each cell (pending / on time / late + days / missing / incomplete + SKUs), the reminders
 * sent for it, and per distributor the timeliness rate and average days late.
 *
 * One SQL statement over distributors × periods ⟕ submissions ⟕ reminders; the status itself comes
 * from `periodStatus` (lib/domain/compliance), judged on the FIRST submission and `missing_skus`.
 * Staff see every active distributor (or `query.distributor`); a distributor sees only itself.
 * Periods before a distributor's first activity (sell-in, movement or submission) are left out.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { periodStatus, timeliness, type ComplianceStatus } from "@/lib/domain/compliance";
import { addPeriods, dueAt, latestEndedPeriod, periodRange, periodToDate } from "@/lib/domain/periods";
import type { ComplianceQuery } from "@/lib/validation/compliance";
import { AppError } from "@/lib/errors";
import { requireStaff } from "../authorize";
import { getSettings } from "../settings/get-settings";
import { date, dateOrNull, isoOrNull, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";

export const BOARD_PERIODS = 12;

export interface ComplianceCell {
  period: string;
  status: ComplianceStatus;
  dueAt: string;
  /** The FIRST submission's time. */
  submittedAt: string | null;
  /** Days late of the first submission (0 when on time), null when nothing was submitted. */
  daysLate: number | null;
  missingSkus: number;
  revisions: number;
  /** The latest revision's data-quality score (0–100), null when none or stored before scores existed. */
  quality: number | null;
  reminders: number;
  lastRemindedAt: string | null;
  lastReminderKind: string | null;
}

export interface ComplianceRow {
  distributor: string;
  distributorName: string;
  /** Cells oldest first; periods before the distributor's first activity are absent. */
  cells: ComplianceCell[];
  duePeriods: number;
  onTime: number;
  late: number;
  missing: number;
  incomplete: number;
  /** On-time first submissions / due periods (0–1), null when nothing is due. */
  timelinessRate: number | null;
  /** Mean days late over the submitted due periods (on time counts 0), null when none. */
  avgDaysLate: number | null;
  lastRemindedAt: string | null;
}

export interface ComplianceBoard {
  from: string;
  to: string;
  periods: { period: string; dueAt: string; closed: boolean; closedAt: string | null }[];
  rows: ComplianceRow[];
  timeZone: string;
  graceDays: number;
}

/** One distributor × period of the board statement. */
interface BoardRow {
  code: string;
  name: string;
  period: string;
  dueAt: Date;
  closedAt: string | null;
  firstPeriod: string | null;
  firstSubmittedAt: Date | null;
  missingSkus: number;
  latestRevision: number;
  quality: number | null;
  reminders: number;
  lastAt: string | null;
  lastKind: string | null;
}

const boardRow: RowMapper<BoardRow> = (r) => ({
  code: str(r.code),
  name: str(r.name),
  period: str(r.period),
  dueAt: date(r.due_at),
  closedAt: isoOrNull(r.closed_at),
  firstPeriod: strOrNull(r.first_period),
  firstSubmittedAt: dateOrNull(r.first_submitted_at),
  missingSkus: num(r.missing_skus),
  latestRevision: num(r.latest_revision),
  quality: numOrNull(r.quality_score),
  reminders: num(r.reminders),
  lastAt: isoOrNull(r.last_at),
  lastKind: strOrNull(r.last_kind),
});

export async function listCompliance(db: Queryable, viewer: Viewer, q: ComplianceQuery = {}, now = new Date()): Promise<ComplianceBoard> {
  let distributorFilter = sql``;
  if (viewer.role === "distributor") {
    if (viewer.distributorId == null) throw new AppError("forbidden", "Your role may not do this");
    if (q.distributor && q.distributor !== viewer.distributorCode) throw new AppError("not_found", "Not found");
    distributorFilter = sql`and d.id = ${viewer.distributorId}`;
  } else {
    requireStaff(viewer);
    if (q.distributor) distributorFilter = sql`and d.code = ${q.distributor}`;
  }
  const s = await getSettings(db);
  const latest = latestEndedPeriod(now, s.timeZone);
  const current = addPeriods(latest, 1);
  const to = q.to && q.to < current ? q.to : q.to ? current : latest;
  const from = q.from ?? addPeriods(to, -(BOARD_PERIODS - 1));
  // Months without their row yet (the job and the first submission store them) with the deadline
  // today's settings give them: the board reads, it writes nothing.
  const months = JSON.stringify(periodRange(from, to).map((p) => ({ period: periodToDate(p), due_at: dueAt(p, { dueDay: s.dueDay, timeZone: s.timeZone }).toISOString() })));

  const raw = await rows(
    db,
    sql`
      with p as (
        select x.period, coalesce(pr.due_at, x.due_at) as due_at, pr.closed_at
          from jsonb_to_recordset(${months}::jsonb) as x(period date, due_at timestamptz)
          left join periods pr on pr.period = x.period
      ),
      d as (
        select d.id, d.code, d.name,
               least((select min(m.period) from movements m where m.distributor_id = d.id),
                     (select min(s.period) from submissions s where s.distributor_id = d.id)) as first_period
          from distributors d
         where d.active ${distributorFilter}
      ),
      r as (
        select o.distributor_id, split_part(o.dedupe_key, ':', 4) as period, count(*)::int as reminders,
               max(o.created_at) as last_at, (array_agg(o.kind order by o.created_at desc))[1] as last_kind
          from outbox o
         where o.dedupe_key like 'reminder:%' and o.distributor_id in (select id from d)
         group by 1, 2
      )
      select d.id, d.code, d.name, to_char(p.period, 'YYYY-MM') as period, p.due_at, p.closed_at,
             to_char(d.first_period, 'YYYY-MM') as first_period,
             s.first_submitted_at, s.missing_skus, s.latest_revision, lr.quality_score, r.reminders, r.last_at, r.last_kind
        from d cross join p
        left join submissions s on s.distributor_id = d.id and s.period = p.period
        left join submission_revisions lr on lr.id = s.latest_revision_id
        left join r on r.distributor_id = d.id and r.period = to_char(p.period, 'YYYY-MM')
       order by d.code, p.period`,
    boardRow,
  );

  const periodsMap = new Map<string, ComplianceBoard["periods"][number]>();
  const byCode = new Map<string, ComplianceRow>();
  for (const r of raw) {
    const dueAt = r.dueAt;
    if (!periodsMap.has(r.period)) {
      periodsMap.set(r.period, { period: r.period, dueAt: dueAt.toISOString(), closed: r.closedAt !== null, closedAt: r.closedAt });
    }
    let row = byCode.get(r.code);
    if (!row) {
      row = {
        distributor: r.code, distributorName: r.name, cells: [], duePeriods: 0, onTime: 0, late: 0, missing: 0, incomplete: 0,
        timelinessRate: null, avgDaysLate: null, lastRemindedAt: null,
      };
      byCode.set(r.code, row);
    }
    if (r.firstPeriod === null || r.period < r.firstPeriod) continue;
    const first = r.firstSubmittedAt;
    const missingSkus = r.missingSkus;
    const status = periodStatus({ now, dueAt, firstSubmittedAt: first, missingSkus, graceDays: s.graceDays });
    const t = first ? timeliness(first, dueAt, s.graceDays) : null;
    row.cells.push({
      period: r.period, status, dueAt: dueAt.toISOString(), submittedAt: isoOrNull(first), daysLate: t ? t.daysLate : null, missingSkus,
      revisions: r.latestRevision, quality: r.quality, reminders: r.reminders, lastRemindedAt: r.lastAt, lastReminderKind: r.lastKind,
    });
  }

  for (const row of byCode.values()) {
    const due = row.cells.filter((c) => c.status !== "pending" || c.submittedAt !== null);
    const submitted = due.filter((c) => c.submittedAt !== null);
    row.duePeriods = due.length;
    row.onTime = submitted.filter((c) => c.daysLate === 0).length;
    row.late = submitted.filter((c) => (c.daysLate ?? 0) > 0).length;
    row.missing = row.cells.filter((c) => c.status === "missing").length;
    row.incomplete = row.cells.filter((c) => c.status === "incomplete").length;
    row.timelinessRate = due.length ? row.onTime / due.length : null;
    row.avgDaysLate = submitted.length ? Math.round((submitted.reduce((a, c) => a + (c.daysLate ?? 0), 0) / submitted.length) * 10) / 10 : null;
    row.lastRemindedAt = row.cells.reduce<string | null>((a, c) => (c.lastRemindedAt && (!a || c.lastRemindedAt > a) ? c.lastRemindedAt : a), null);
  }

  return { from, to, periods: [...periodsMap.values()], rows: [...byCode.values()], timeZone: s.timeZone, graceDays: s.graceDays };
}

/** The API's flat shape: one row per distributor × period. */
export function complianceApiRows(board: ComplianceBoard) {
  return board.rows.flatMap((r) =>
    r.cells.map((c) => ({
      distributor: r.distributor,
      period: c.period,
      status: c.status,
      submittedAt: c.submittedAt,
      daysLate: c.daysLate,
      missingSkus: c.missingSkus,
      dueAt: c.dueAt,
      lastRemindedAt: c.lastRemindedAt,
    })),
  );
}
