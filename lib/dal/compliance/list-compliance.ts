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
import { asRows } from "../sql-rows";

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

interface RawRow {
  id: number;
  code: string;
  name: string;
  period: string;
  due_at: string | Date;
  closed_at: string | Date | null;
  first_period: string | null;
  first_submitted_at: string | Date | null;
  missing_skus: number | null;
  latest_revision: number | null;
  quality_score: number | null;
  reminders: number | null;
  last_at: string | Date | null;
  last_kind: string | null;
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

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

  const raw = asRows<RawRow>(
    await db.execute(sql`
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
       order by d.code, p.period`),
  );

  const periodsMap = new Map<string, ComplianceBoard["periods"][number]>();
  const rows = new Map<string, ComplianceRow>();
  for (const r of raw) {
    const dueAt = new Date(r.due_at);
    if (!periodsMap.has(r.period)) {
      periodsMap.set(r.period, { period: r.period, dueAt: dueAt.toISOString(), closed: r.closed_at !== null, closedAt: iso(r.closed_at) });
    }
    let row = rows.get(r.code);
    if (!row) {
      row = {
        distributor: r.code, distributorName: r.name, cells: [], duePeriods: 0, onTime: 0, late: 0, missing: 0, incomplete: 0,
        timelinessRate: null, avgDaysLate: null, lastRemindedAt: null,
      };
      rows.set(r.code, row);
    }
    if (r.first_period === null || r.period < r.first_period) continue;
    const first = r.first_submitted_at === null ? null : new Date(r.first_submitted_at);
    const missingSkus = Number(r.missing_skus ?? 0);
    const status = periodStatus({ now, dueAt, firstSubmittedAt: first, missingSkus, graceDays: s.graceDays });
    const t = first ? timeliness(first, dueAt, s.graceDays) : null;
    row.cells.push({
      period: r.period, status, dueAt: dueAt.toISOString(), submittedAt: iso(first), daysLate: t ? t.daysLate : null, missingSkus,
      revisions: Number(r.latest_revision ?? 0), quality: r.quality_score === null || r.quality_score === undefined ? null : Number(r.quality_score), reminders: Number(r.reminders ?? 0), lastRemindedAt: iso(r.last_at), lastReminderKind: r.last_kind,
    });
  }

  for (const row of rows.values()) {
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

  return { from, to, periods: [...periodsMap.values()], rows: [...rows.values()], timeZone: s.timeZone, graceDays: s.graceDays };
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
