import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { periodToDate } from "@/lib/domain/periods";
import { notFound } from "@/lib/errors";
import { ACTIVE_STATUSES, type ExceptionQuery, type ExceptionReason, type ExceptionStatus } from "@/lib/validation/exceptions";
import { requireStaff } from "../authorize";
import { bool, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";
import { iso, isUuid } from "./shared";

/** One exception as a distributor sees it: its own row's numbers and the conversation, nothing internal. */
export interface PartnerExceptionRow {
  id: string;
  period: string;
  sku: string;
  description: string;
  status: ExceptionStatus;
  /** What resolved it (correction, revision, sell_in) when resolved; null = by hand or not resolved. */
  resolution: string | null;
  calculated: number | null;
  reported: number | null;
  gap: number | null;
  gapPct: number | null;
  openedAt: string;
  updatedAt: string;
  answered: boolean;
}

export interface StaffExceptionRow extends PartnerExceptionRow {
  distributor: string;
  distributorName: string;
  reason: ExceptionReason | null;
  owner: { id: string; email: string; name: string } | null;
  gapAtOpen: number | null;
  automatic: string | null;
  pendingCorrections: number;
}

/** A list of exceptions. Listing writes nothing: automatic exceptions are opened by the writes that change the ledger. */
export interface ExceptionList<R> {
  rows: R[];
}

const partnerRow: RowMapper<PartnerExceptionRow> = (r) => ({
  id: str(r.id), period: str(r.period), sku: str(r.sku), description: str(r.description),
  status: str(r.status) as ExceptionStatus, resolution: strOrNull(r.resolution), calculated: numOrNull(r.calculated), reported: numOrNull(r.reported), gap: numOrNull(r.gap), gapPct: numOrNull(r.gap_pct),
  openedAt: str(r.opened_at), updatedAt: str(r.updated_at), answered: bool(r.answered),
});

const staffRow: RowMapper<StaffExceptionRow> = (r) => ({
  ...partnerRow(r),
  distributor: str(r.code), distributorName: str(r.distributor_name),
  reason: strOrNull(r.reason) as ExceptionReason | null,
  owner: r.owner_id ? { id: str(r.owner_id), email: str(r.owner_email), name: str(r.owner_name) } : null,
  gapAtOpen: numOrNull(r.gap_at_open), automatic: strOrNull(r.automatic), pendingCorrections: num(r.pending),
});

export async function listExceptions(db: Queryable, viewer: Viewer, q: ExceptionQuery): Promise<ExceptionList<StaffExceptionRow> | ExceptionList<PartnerExceptionRow>> {
  const partner = viewer.role === "distributor";
  if (!partner) requireStaff(viewer);
  const where: SQL[] = [sql`true`];

  if (partner) {
    if (viewer.distributorId == null) throw notFound();
    if (q.distributor && q.distributor.toUpperCase() !== viewer.distributorCode?.toUpperCase()) throw notFound();
    where.push(sql`e.distributor_id = ${viewer.distributorId}`);
  } else {
    if (q.distributor) where.push(sql`d.code = ${q.distributor.toUpperCase()}`);
    if (q.owner) {
      const o = q.owner.toLowerCase();
      if (o === "none") where.push(sql`e.owner_id is null`);
      else if (o === "me") where.push(sql`e.owner_id = ${viewer.userId}::uuid`);
      else if (isUuid(o)) where.push(sql`e.owner_id = ${o}::uuid`);
      else where.push(sql`lower(o.email) = ${o}`);
    }
  }
  if (q.corrections === "awaiting") where.push(sql`exists (select 1 from corrections c where c.exception_id = e.id and c.status = 'proposed')`);
  if (q.period) where.push(sql`e.period = ${periodToDate(q.period)}::date`);
  if (q.sku) where.push(sql`p.sku ilike ${q.sku.replace(/[%_\\]/g, "\\$&") + "%"}`);
  const statuses = new Set<string>();
  for (const s of q.status) {
    if (s === "active") ACTIVE_STATUSES.forEach((a) => statuses.add(a));
    else statuses.add(s);
  }
  if (statuses.size) where.push(sql`e.status::text = any(${sql.param([...statuses])}::text[])`);

  const query = sql`
      select e.id, d.code, d.name as distributor_name, p.sku, p.description, to_char(e.period, 'YYYY-MM') as period,
             e.status::text as status, e.resolution, e.reason::text as reason, e.gap_at_open, e.automatic,
             o.id as owner_id, o.email as owner_email, o.name as owner_name,
             l.calculated, l.reported, l.gap, l.gap_pct::float8 as gap_pct,
             ${iso("e.created_at")} as opened_at, ${iso("e.updated_at")} as updated_at,
             exists (select 1 from exception_events v where v.exception_id = e.id and v.kind = 'answer') as answered,
             (select count(*)::int from corrections c where c.exception_id = e.id and c.status = 'proposed') as pending
        from exceptions e
        join distributors d on d.id = e.distributor_id
        join products p on p.id = e.product_id
        left join users o on o.id = e.owner_id
        left join ledger_balances l on l.distributor_id = e.distributor_id and l.product_id = e.product_id and l.period = e.period
       where ${sql.join(where, sql` and `)}
       order by case e.status when 'open' then 0 when 'investigating' then 1 else 2 end, e.period desc, abs(l.gap) desc nulls last, d.code, p.sku
       limit ${q.limit}`;
  if (partner) return { rows: await rows(db, query, partnerRow) };
  return { rows: await rows(db, query, staffRow) };
}
