import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Role, Viewer } from "@/lib/auth/viewer";
import { signedQuantity, type MovementType } from "@/lib/domain/movements";
import type { ExceptionReason, ExceptionStatus } from "@/lib/validation/exceptions";
import { requireStaff } from "../authorize";
import { firstRow, json, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";
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

/** A jsonb column some rows hold as a JSON text: parsed either way. */
const parsed = <T>(v: unknown): T => json<T>(typeof v === "string" ? JSON.parse(v) : v);

const eventRow: RowMapper<ExceptionEvent> = (r) => {
  const data = parsed<Record<string, unknown> | null>(r.data);
  return {
    id: str(r.id), kind: str(r.kind), body: strOrNull(r.body), data, at: str(r.at),
    author: r.email ? { name: str(r.name), email: str(r.email), role: str(r.role) as Role, distributor: r.role === "distributor" } : null,
    isAnswer: r.kind === "answer",
    internal: Boolean(data?.internal),
  };
};

const reportedLineRow: RowMapper<ReportedLine> = (r) => {
  const flags = parsed<{ kind: string; message: string }[] | null>(r.flags);
  return {
    revision: num(r.revision), flags: flags ?? [],
    confirm: r.confirm_reason ? { reason: str(r.confirm_reason), note: strOrNull(r.confirm_note) } : null,
  };
};

/** What the detail adds to the exception's core: its opening, owner and version. */
interface ExceptionMeta {
  gapAtOpen: number | null;
  automatic: string | null;
  resolution: string | null;
  openedAt: string;
  version: number;
  owner: { id: string; email: string; name: string } | null;
  openedBy: { id: string; email: string; name: string } | null;
}

const metaRow: RowMapper<ExceptionMeta> = (r) => ({
  gapAtOpen: numOrNull(r.gap_at_open), automatic: strOrNull(r.automatic), resolution: strOrNull(r.resolution),
  openedAt: str(r.opened_at), version: num(r.version),
  owner: r.owner_id ? { id: str(r.owner_id), email: str(r.owner_email), name: str(r.owner_name) } : null,
  openedBy: r.by_id ? { id: str(r.by_id), email: str(r.by_email), name: str(r.by_name) } : null,
});

const correctionRow: RowMapper<CorrectionView> = (r) => ({
  id: str(r.id), kind: str(r.kind), type: str(r.type), quantity: num(r.quantity), signedQuantity: signedQuantity(str(r.type) as MovementType, num(r.quantity)),
  reason: str(r.reason), status: str(r.status) as CorrectionView["status"],
  proposedBy: { id: str(r.p_id), name: str(r.p_name), email: str(r.p_email) }, proposedAt: str(r.proposed_at),
  decidedBy: r.x_id ? { id: str(r.x_id), name: str(r.x_name), email: str(r.x_email) } : null,
  decidedAt: strOrNull(r.decided_at),
});

/** What a distributor sees of an event: no internal data, and the manufacturer's staff by name, not by e-mail address. */
function forPartner({ data: _d, ...e }: ExceptionEvent): ExceptionEvent {
  const author = e.author && !e.author.distributor ? { ...e.author, email: null } : e.author;
  return { ...e, author, data: null };
}

export async function getException(db: Queryable, viewer: Viewer, id: string): Promise<StaffExceptionDetail | PartnerExceptionDetail> {
  const partner = viewer.role === "distributor";
  if (!partner) requireStaff(viewer);
  const core = await loadException(db, viewer, id);
  const meta = await firstRow(
    db,
    sql`
      select e.gap_at_open, e.automatic, e.resolution, ${iso("e.created_at")} as opened_at, e.version,
             o.id as owner_id, o.email as owner_email, o.name as owner_name,
             b.id as by_id, b.email as by_email, b.name as by_name
        from exceptions e left join users o on o.id = e.owner_id left join users b on b.id = e.opened_by
       where e.id = ${core.id}::uuid`,
    metaRow,
  );
  const events = await rows(
    db,
    sql`
      select v.id, v.kind, v.body, v.data, ${iso("v.created_at")} as at, u.name, u.email, u.role::text as role
        from exception_events v left join users u on u.id = v.author_id
       where v.exception_id = ${core.id}::uuid
       order by v.seq`,
    eventRow,
  );
  const ledger = await ledgerNow(db, core.distributorId, core.productId, core.period);
  const line = await firstRow(
    db,
    sql`
      select r.revision, l.flags, l.confirm_reason, l.confirm_note
        from submissions s join submission_revisions r on r.id = s.latest_revision_id
        join submission_lines l on l.revision_id = r.id and l.product_id = ${core.productId}
       where s.distributor_id = ${core.distributorId} and s.period = ${`${core.period}-01`}::date`,
    reportedLineRow,
  );
  const base: PartnerExceptionDetail = {
    id: core.id, distributor: core.distributorCode, distributorName: core.distributorName, sku: core.sku, description: core.description,
    period: core.period, status: core.status, resolution: meta?.resolution ?? null, openedAt: String(meta?.openedAt), version: meta?.version ?? 0, ledger,
    events: partner ? events.filter((e) => (e.kind === "note" && !e.internal) || e.kind === "answer").map(forPartner) : events,
    reportedLine: line ?? null,
  };
  if (partner) return base;

  const corrections = await rows(
    db,
    sql`
      select c.id, c.kind, c.type::text as type, c.quantity, c.reason, c.status::text as status,
             ${iso("c.proposed_at")} as proposed_at, ${iso("c.decided_at")} as decided_at,
             p.id as p_id, p.name as p_name, p.email as p_email, x.id as x_id, x.name as x_name, x.email as x_email
        from corrections c join users p on p.id = c.proposed_by left join users x on x.id = c.decided_by
       where c.exception_id = ${core.id}::uuid
       order by c.proposed_at, c.id`,
    correctionRow,
  );

  return {
    ...base,
    reason: core.reason,
    owner: meta?.owner ?? null,
    openedBy: meta?.openedBy ?? null,
    automatic: meta?.automatic ?? null,
    gapAtOpen: meta?.gapAtOpen ?? null,
    corrections,
  };
}
