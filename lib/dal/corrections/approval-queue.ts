import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { signedQuantity, type MovementType } from "@/lib/domain/movements";
import { requireStaff } from "../authorize";
import { EXCEPTION_WORKERS, iso } from "../exceptions/shared";
import { asRows } from "../sql-rows";

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

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Every proposed correction on an open or investigating exception, oldest first (staff). A read: nothing is marked. */
export async function listApprovalQueue(db: Queryable, viewer: Viewer, limit = 500): Promise<ApprovalRow[]> {
  requireStaff(viewer);
  const rows = asRows<Record<string, unknown>>(
    await db.execute(sql`
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
       limit ${limit}`),
  );
  return rows.map((r) => {
    const signed = signedQuantity(r.type as MovementType, Number(r.quantity));
    const gap = num(r.gap);
    return {
      correctionId: String(r.id), exceptionId: String(r.exception_id), distributor: String(r.code), distributorName: String(r.distributor_name),
      sku: String(r.sku), description: String(r.description), period: String(r.period), signed, kind: String(r.kind), reason: String(r.reason),
      proposedBy: { id: String(r.proposed_by), name: String(r.proposer) }, proposedAt: String(r.proposed_at), mine: String(r.proposed_by) === viewer.userId,
      calculated: num(r.calculated), reported: num(r.reported), gap, gapAfter: gap === null ? null : gap + signed,
    };
  });
}

/** How many corrections wait for the viewer's approval (the navigation's "N to approve"); 0 for those who may not approve. */
export async function countToApprove(db: Queryable, viewer: Viewer): Promise<number> {
  if (!worksExceptions(viewer)) return 0;
  const [r] = asRows<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n
        from corrections c join exceptions e on e.id = c.exception_id
       where c.status = 'proposed' and c.proposed_by <> ${viewer.userId}::uuid and e.status in ('open', 'investigating')`),
  );
  return Number(r?.n ?? 0);
}
