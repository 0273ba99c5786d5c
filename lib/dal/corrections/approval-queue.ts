import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { signedQuantity, type MovementType } from "@/lib/domain/movements";
import { requireStaff } from "../authorize";
import { EXCEPTION_WORKERS, iso } from "../exceptions/shared";
import { firstRow, num, numOrNull, rows, str, type RowMapper } from "@/db/sql-rows";

/** A proposed correction waiting for a second person, with its row's numbers now and after approval. */
export interface ApprovalRow {
  correctionId: string;
  exceptionId: string;
  distributor: string;
  distributorName: string;
  sku: string;
  description: string;
  period: string;
  /** Signed: −60 lowers the calculated balance by 60. */
  signed: number;
  kind: string;
  reason: string;
  proposedBy: { id: string; name: string };
  proposedAt: string;
  /** The viewer proposed it: they may withdraw it, not approve it. */
  mine: boolean;
  calculated: number | null;
  reported: number | null;
  gap: number | null;
  /** The gap once approved: calculated moves by the signed quantity, reported stays. */
  gapAfter: number | null;
}

/** Whether the viewer works exceptions: opens them, proposes and approves corrections (channel managers; admins may do what any staff role may). */
export function worksExceptions(viewer: Viewer): boolean {
  return viewer.role === "admin" || (EXCEPTION_WORKERS as readonly string[]).includes(viewer.role);
}

/** A queued correction as the viewer sees it (`mine` when they proposed it). */
const approvalRow = (viewerId: string): RowMapper<ApprovalRow> => (r) => {
  const signed = signedQuantity(str(r.type) as MovementType, num(r.quantity));
  const gap = numOrNull(r.gap);
  return {
    correctionId: str(r.id), exceptionId: str(r.exception_id), distributor: str(r.code), distributorName: str(r.distributor_name),
    sku: str(r.sku), description: str(r.description), period: str(r.period), signed, kind: str(r.kind), reason: str(r.reason),
    proposedBy: { id: str(r.proposed_by), name: str(r.proposer) }, proposedAt: str(r.proposed_at), mine: str(r.proposed_by) === viewerId,
    calculated: numOrNull(r.calculated), reported: numOrNull(r.reported), gap, gapAfter: gap === null ? null : gap + signed,
  };
};

/** Every proposed correction on an open or investigating exception, oldest first (staff). A read: nothing is marked. */
export async function listApprovalQueue(db: Queryable, viewer: Viewer, limit = 500): Promise<ApprovalRow[]> {
  requireStaff(viewer);
  return rows(
    db,
    sql`
      select c.id, c.exception_id, d.code, d.name as distributor_name, p.sku, p.description, to_char(e.period, 'YYYY-MM') as period,
             c.type::text as type, c.quantity, c.kind, c.reason, c.proposed_by, u.name as proposer, ${iso("c.proposed_at")} as proposed_at,
             l.calculated, l.reported, l.gap
        from corrections c
        join exceptions e on e.id = c.exception_id
        join distributors d on d.id = e.distributor_id
        join products p on p.id = e.product_id
        join users u on u.id = c.proposed_by
        left join ledger_balances l on l.distributor_id = e.distributor_id and l.product_id = e.product_id and l.period = e.period
       where c.status = 'proposed' and e.status in ('open', 'investigating')
       order by c.proposed_at, c.id
       limit ${limit}`,
    approvalRow(viewer.userId),
  );
}

/** How many corrections wait for the viewer's approval (the navigation's "N to approve"); 0 for those who may not approve. */
export async function countToApprove(db: Queryable, viewer: Viewer): Promise<number> {
  if (!worksExceptions(viewer)) return 0;
  const n = await firstRow(
    db,
    sql`
      select count(*)::int as n
        from corrections c join exceptions e on e.id = c.exception_id
       where c.status = 'proposed' and c.proposed_by <> ${viewer.userId}::uuid and e.status in ('open', 'investigating')`,
    (r) => num(r.n),
  );
  return n ?? 0;
}
