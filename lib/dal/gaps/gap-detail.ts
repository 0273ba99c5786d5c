import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { addPeriods, periodToDate } from "@/lib/domain/periods";
import { signedQuantity, type MovementType } from "@/lib/domain/movements";
import { requireStaff } from "../authorize";
import { bool, firstRow, isoOf, json, mapRows, num, numOrNull, str, strOrNull, type RowMapper } from "@/db/sql-rows";
import { currentLedgerPeriod } from "../ledger/current-period";
import { periodPreparing } from "../ledger/roll-ledger";
import type { LedgerFigures } from "@/lib/domain/ledger";
import { balanceRow } from "../ledger/balance-row";

export const DETAIL_PERIODS = 18;

export interface LedgerPoint extends LedgerFigures {
  period: string;
  flags: string[];
}

export interface DetailMovement {
  id: number;
  period: string;
  type: MovementType;
  quantity: number;
  signed: number;
  occurredOn: string | null;
  document: string | null;
  documentLine: string | null;
  reason: string | null;
  correctionId: string | null;
  approvedBy: string | null;
  createdAt: string;
}

export interface DetailRevision {
  period: string;
  revision: number;
  latest: boolean;
  submittedAt: string;
  submittedBy: string;
  source: string;
  sold: number;
  returned: number;
  onHand: number;
  note: string | null;
  /** The submission check's flags on this line when stored, and the distributor's confirmation. */
  flags: { kind: string; message: string }[];
  confirm: { reason: string; note: string | null } | null;
  /** The revision's data-quality score, null before scores existed. */
  quality: number | null;
}

export interface DetailException {
  id: string;
  period: string;
  status: string;
  reason: string | null;
  owner: string | null;
  gapAtOpen: number | null;
  automatic: boolean;
  createdAt: string;
}

export interface GapDetail {
  distributor: { id: number; code: string; name: string };
  product: { id: number; sku: string; description: string; family: string };
  period: string;
  from: string;
  ledger: LedgerPoint[];
  movements: DetailMovement[];
  revisions: DetailRevision[];
  exceptions: DetailException[];
  /** The month roll has not built this period yet: the rows are those written so far ("period being prepared"). */
  preparing: boolean;
}

const headRow: RowMapper<Pick<GapDetail, "distributor" | "product">> = (r) => ({
  distributor: { id: num(r.distributor_id), code: str(r.code), name: str(r.name) },
  product: { id: num(r.product_id), sku: str(r.sku), description: str(r.description), family: str(r.family) },
});

const ledgerRow: RowMapper<LedgerPoint> = (r) => ({
  period: str(r.period), ...balanceRow(r),
  newGap: numOrNull(r.new_gap), weeksOfSupply: numOrNull(r.weeks_of_supply), flags: json<string[] | null>(r.flags) ?? [],
});

const movementRow: RowMapper<DetailMovement> = (r) => ({
  id: num(r.id), period: str(r.period), type: str(r.type) as MovementType, quantity: num(r.quantity),
  signed: signedQuantity(str(r.type) as MovementType, num(r.quantity)), occurredOn: strOrNull(r.occurred_on),
  document: strOrNull(r.document), documentLine: strOrNull(r.document_line),
  reason: strOrNull(r.reason), correctionId: strOrNull(r.correction_id),
  approvedBy: strOrNull(r.approved_by), createdAt: isoOf(r.created_at),
});

const revisionRow: RowMapper<DetailRevision> = (r) => ({
  period: str(r.period), revision: num(r.revision), latest: bool(r.latest), submittedAt: isoOf(r.submitted_at),
  submittedBy: strOrNull(r.submitted_by) ?? "—", source: str(r.source), sold: num(r.sold), returned: num(r.returned),
  onHand: num(r.on_hand), note: strOrNull(r.note),
  flags: Array.isArray(r.flags) ? json<DetailRevision["flags"]>(r.flags) : [],
  confirm: r.confirm_reason ? { reason: str(r.confirm_reason), note: strOrNull(r.confirm_note) } : null,
  quality: numOrNull(r.quality_score),
});

const exceptionRow: RowMapper<DetailException> = (r) => ({
  id: str(r.id), period: str(r.period), status: str(r.status), reason: strOrNull(r.reason),
  owner: strOrNull(r.owner), gapAtOpen: numOrNull(r.gap_at_open), automatic: r.automatic != null, createdAt: isoOf(r.created_at),
});

/**
 * One distributor × SKU: the ledger over the 18 periods ending at `period` (SQL, maintained balances),
 * the movements behind it (sell-in shipments with document and line, approved corrections with their
 * reason), the submission revisions that carried the SKU, and the exceptions on the row. Staff only;
 * an unknown distributor or SKU is 404.
 */
export async function getGapDetail(
  db: Queryable,
  viewer: Viewer,
  args: { distributor: string; sku: string; period?: string },
): Promise<GapDetail> {
  requireStaff(viewer);
  const period = args.period ?? (await currentLedgerPeriod(db));
  const from = addPeriods(period, -(DETAIL_PERIODS - 1));
  const preparing = await periodPreparing(db, period);
  const head = await firstRow(
    db,
    sql`
    select d.id as distributor_id, d.code, d.name, p.id as product_id, p.sku, p.description, p.family
      from distributors d, products p where d.code = ${args.distributor.toUpperCase()} and p.sku = ${args.sku}`,
    headRow,
  );
  if (!head) throw notFound(`No distributor ${args.distributor} or SKU ${args.sku}`);
  const dId = head.distributor.id;
  const pId = head.product.id;
  const range = sql`between ${periodToDate(from)}::date and ${periodToDate(period)}::date`;

  const [ledger, movements, revisions, exceptions] = await Promise.all([
    db.execute(sql`
      select to_char(period, 'YYYY-MM') as period, opening, sell_in, sell_through, returns, adjustments, calculated, reported,
             gap, gap_pct::float8 as gap_pct, new_gap, weeks_of_supply::float8 as weeks_of_supply, flags
        from ledger_balances where distributor_id = ${dId} and product_id = ${pId} and period ${range} order by period`),
    db.execute(sql`
      select m.id, to_char(m.period, 'YYYY-MM') as period, m.type::text as type, m.quantity, to_char(m.occurred_on, 'YYYY-MM-DD') as occurred_on,
             m.document, m.document_line, coalesce(c.reason, m.reason) as reason, m.correction_id, u.name as approved_by, m.created_at
        from movements m
        left join corrections c on c.id = m.correction_id
        left join users u on u.id = c.decided_by
       where m.distributor_id = ${dId} and m.product_id = ${pId} and m.period ${range}
       order by m.period desc, m.occurred_on desc nulls last, m.id desc
       limit 500`),
    db.execute(sql`
      select to_char(s.period, 'YYYY-MM') as period, r.revision, r.id = s.latest_revision_id as latest, r.submitted_at,
             u.name as submitted_by, r.source::text as source, l.sold, l.returned, l.on_hand, l.note,
             l.flags, l.confirm_reason, l.confirm_note, r.quality_score
        from submissions s
        join submission_revisions r on r.submission_id = s.id
        join submission_lines l on l.revision_id = r.id and l.product_id = ${pId}
        left join users u on u.id = r.submitted_by
       where s.distributor_id = ${dId} and s.period ${range}
       order by s.period desc, r.revision desc`),
    db.execute(sql`
      select e.id, to_char(e.period, 'YYYY-MM') as period, e.status::text as status, e.reason::text as reason, u.name as owner,
             e.gap_at_open, e.automatic, e.created_at
        from exceptions e left join users u on u.id = e.owner_id
       where e.distributor_id = ${dId} and e.product_id = ${pId}
       order by e.created_at desc`),
  ]);

  return {
    distributor: head.distributor,
    product: head.product,
    period,
    from,
    preparing,
    ledger: mapRows(ledger, ledgerRow),
    movements: mapRows(movements, movementRow),
    revisions: mapRows(revisions, revisionRow),
    exceptions: mapRows(exceptions, exceptionRow),
  };
}
