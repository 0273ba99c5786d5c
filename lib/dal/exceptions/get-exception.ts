import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Role, Viewer } from "@/lib/auth/viewer";
import { signedQuantity, type MovementType } from "@/lib/domain/movements";
import type { ExceptionReason, ExceptionStatus } from "@/lib/validation/exceptions";
import { requireStaff } from "../authorize";
import { asRows } from "../sql-rows";
import { iso, ledgerNow, loadException, type LedgerNow } from "./shared";

export interface ExceptionEvent {
  id: string;
  kind: string;
  body: string | null;
  data: Record<string, unknown> | null;
  at: string;
  /** A distributor reading its exception sees staff by name only: no e-mail (`email` is null). */
  author: { name: string; email: string | null; role: Role; distributor: boolean } | null;
  /** A note from the distributor (an answer to the manufacturer). */
  isAnswer: boolean;
  internal: boolean;
}

export interface CorrectionView {
  id: string;
  kind: string;
  type: string;
  /** Signed effect on the calculated balance. */
  signedQuantity: number;
  quantity: number;
  reason: string;
  status: "proposed" | "approved" | "rejected";
  proposedBy: { id: string; name: string; email: string };
  proposedAt: string;
  decidedBy: { id: string; name: string; email: string } | null;
  decidedAt: string | null;
}

export interface PartnerExceptionDetail {
  id: string;
  distributor: string;
  distributorName: string;
  sku: string;
  description: string;
  period: string;
  status: ExceptionStatus;
  /** What resolved it (a correction, a revision, a sell-in load) when it is resolved; null = by hand or not resolved. */
  resolution: string | null;
  openedAt: string;
  /** Moves on with every change: the ETag, and what a change must be based on (If-Match). */
  version: number;
  ledger: LedgerNow | null;
  /** The conversation: shared staff notes and the distributor's answers. */
  events: ExceptionEvent[];
  /**
   * The row as the latest revision reported it: the submission check's flags when it was stored and
   * the distributor's "confirm as reported" (reason and note). Null when the period has no revision
   * with this SKU.
   */
  reportedLine: ReportedLine | null;
}

export interface ReportedLine {
  revision: number;
  flags: { kind: string; message: string }[];
  confirm: { reason: string; note: string | null } | null;
}

export interface StaffExceptionDetail extends PartnerExceptionDetail {
  reason: ExceptionReason | null;
  owner: { id: string; email: string; name: string } | null;
  openedBy: { id: string; email: string; name: string } | null;
  automatic: string | null;
  gapAtOpen: number | null;
  corrections: CorrectionView[];
}

/** What a distributor sees of an event: no internal data, and the manufacturer's staff by name, not by e-mail address. */
function forPartner({ data: _d, ...e }: ExceptionEvent): ExceptionEvent {
  const author = e.author && !e.author.distributor ? { ...e.author, email: null } : e.author;
  return { ...e, author, data: null };
}

export async function getException(db: Queryable, viewer: Viewer, id: string): Promise<StaffExceptionDetail | PartnerExceptionDetail> {
  const partner = viewer.role === "distributor";
  if (!partner) requireStaff(viewer);
  const core = await loadException(db, viewer, id);
  const [meta] = asRows<Record<string, unknown>>(
    await db.execute(sql`
      select e.gap_at_open, e.automatic, e.resolution, ${iso("e.created_at")} as opened_at, e.version,
             o.id as owner_id, o.email as owner_email, o.name as owner_name,
             b.id as by_id, b.email as by_email, b.name as by_name
        from exceptions e left join users o on o.id = e.owner_id left join users b on b.id = e.opened_by
       where e.id = ${core.id}::uuid`),
  );
  const events = asRows<Record<string, unknown>>(
    await db.execute(sql`
      select v.id, v.kind, v.body, v.data, ${iso("v.created_at")} as at, u.name, u.email, u.role::text as role
        from exception_events v left join users u on u.id = v.author_id
       where v.exception_id = ${core.id}::uuid
       order by v.seq`),
  ).map((r): ExceptionEvent => {
    const data = (typeof r.data === "string" ? JSON.parse(r.data) : r.data) as Record<string, unknown> | null;
    return {
      id: String(r.id), kind: String(r.kind), body: (r.body as string | null) ?? null, data, at: String(r.at),
      author: r.email ? { name: String(r.name), email: String(r.email), role: r.role as Role, distributor: r.role === "distributor" } : null,
      isAnswer: r.kind === "answer",
      internal: Boolean(data?.internal),
    };
  });
  const ledger = await ledgerNow(db, core.distributorId, core.productId, core.period);
  const [line] = asRows<{ revision: number; flags: unknown; confirm_reason: string | null; confirm_note: string | null }>(
    await db.execute(sql`
      select r.revision, l.flags, l.confirm_reason, l.confirm_note
        from submissions s join submission_revisions r on r.id = s.latest_revision_id
        join submission_lines l on l.revision_id = r.id and l.product_id = ${core.productId}
       where s.distributor_id = ${core.distributorId} and s.period = ${`${core.period}-01`}::date`),
  );
  const flags = (typeof line?.flags === "string" ? JSON.parse(line.flags) : line?.flags) as { kind: string; message: string }[] | null | undefined;
  const reportedLine: ReportedLine | null = line
    ? {
        revision: Number(line.revision), flags: flags ?? [],
        confirm: line.confirm_reason ? { reason: line.confirm_reason, note: line.confirm_note ?? null } : null,
      }
    : null;
  const base: PartnerExceptionDetail = {
    id: core.id, distributor: core.distributorCode, distributorName: core.distributorName, sku: core.sku, description: core.description,
    period: core.period, status: core.status, resolution: (meta?.resolution as string | null) ?? null, openedAt: String(meta?.opened_at), version: Number(meta?.version ?? 0), ledger,
    events: partner ? events.filter((e) => (e.kind === "note" && !e.internal) || e.kind === "answer").map(forPartner) : events,
    reportedLine,
  };
  if (partner) return base;

  const corrections = asRows<Record<string, unknown>>(
    await db.execute(sql`
      select c.id, c.kind, c.type::text as type, c.quantity, c.reason, c.status::text as status,
             ${iso("c.proposed_at")} as proposed_at, ${iso("c.decided_at")} as decided_at,
             p.id as p_id, p.name as p_name, p.email as p_email, x.id as x_id, x.name as x_name, x.email as x_email
        from corrections c join users p on p.id = c.proposed_by left join users x on x.id = c.decided_by
       where c.exception_id = ${core.id}::uuid
       order by c.proposed_at, c.id`),
  ).map((r): CorrectionView => ({
    id: String(r.id), kind: String(r.kind), type: String(r.type), quantity: Number(r.quantity), signedQuantity: signedQuantity(r.type as MovementType, Number(r.quantity)),
    reason: String(r.reason), status: r.status as CorrectionView["status"],
    proposedBy: { id: String(r.p_id), name: String(r.p_name), email: String(r.p_email) }, proposedAt: String(r.proposed_at),
    decidedBy: r.x_id ? { id: String(r.x_id), name: String(r.x_name), email: String(r.x_email) } : null,
    decidedAt: (r.decided_at as string | null) ?? null,
  }));

  return {
    ...base,
    reason: core.reason,
    owner: meta?.owner_id ? { id: String(meta.owner_id), email: String(meta.owner_email), name: String(meta.owner_name) } : null,
    openedBy: meta?.by_id ? { id: String(meta.by_id), email: String(meta.by_email), name: String(meta.by_name) } : null,
    automatic: (meta?.automatic as string | null) ?? null,
    gapAtOpen: meta?.gap_at_open == null ? null : Number(meta.gap_at_open),
    corrections,
  };
}
