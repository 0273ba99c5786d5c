/** Reading claims: the queue (one row per claim, totals as stored) and one claim with its lines. Reads write nothing. */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { isStaff } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { periodToDate } from "@/lib/domain/periods";
import { isReasonCode, reasonMessage, type ReasonCode, type ReasonFormat } from "@/lib/domain/claims/reasons";
import { totalsOf, type ClaimTotals } from "@/lib/domain/claims/totals";
import type { ClaimOutcome } from "@/lib/domain/claims/types";
import { requireRole } from "../authorize";
import { firstRow, isoOf, num, numOrNull, rows, str, strOrNull, type RawRow, type RowMapper } from "@/db/sql-rows";

export interface ClaimSummary {
  id: string;
  distributor: { code: string; name: string };
  period: string;
  reference: string | null;
  revision: number;
  revisionId: string;
  submittedAt: string;
  source: string;
  fileName: string | null;
  status: "validated" | "awaiting_approval";
  pendingOverrides: number;
  totals: ClaimTotals;
}

export interface ClaimFilter {
  distributorCode?: string | null;
  period?: string | null;
  /** Only claims with an override waiting for a second approver. */
  awaiting?: boolean;
  limit?: number;
}

const summaryRow: RowMapper<ClaimSummary> = (r) => {
  const pending = num(r.pending);
  return {
    id: str(r.id), distributor: { code: str(r.code), name: str(r.name) }, period: str(r.period),
    reference: strOrNull(r.reference), revision: num(r.revision), revisionId: str(r.revision_id),
    submittedAt: isoOf(r.submitted_at), source: str(r.source), fileName: strOrNull(r.file_name),
    status: pending > 0 ? "awaiting_approval" : "validated", pendingOverrides: pending, totals: totalsOf(r.totals),
  };
};

const tenant = (viewer: Viewer) => (isStaff(viewer) ? sql`true` : sql`c.distributor_id = ${viewer.distributorId ?? -1}`);

export async function listClaims(db: Queryable, viewer: Viewer, f: ClaimFilter = {}): Promise<ClaimSummary[]> {
  requireRole(viewer, ["distributor", "channel_manager", "rebate_analyst", "admin"]);
  return rows(db, sql`select c.id, d.code, d.name, to_char(c.period, 'YYYY-MM') as period, c.reference,
      r.revision, r.id as revision_id, r.submitted_at, r.source, r.file_name, r.totals,
      (select count(*)::int from claim_overrides o where o.revision_id = r.id and o.status = 'proposed') as pending
    from claims c join claim_revisions r on r.id = c.latest_revision_id join distributors d on d.id = c.distributor_id
    where ${tenant(viewer)}
      ${f.distributorCode ? sql`and d.code = ${f.distributorCode.toUpperCase()}` : sql``}
      ${f.period ? sql`and c.period = ${periodToDate(f.period)}::date` : sql``}
      ${f.awaiting ? sql`and exists (select 1 from claim_overrides o where o.revision_id = r.id and o.status = 'proposed')` : sql``}
    order by c.period desc, d.code, r.submitted_at desc
    limit ${Math.min(f.limit ?? 500, 2000)}`, summaryRow);
}

export interface ClaimLineView {
  line: number;
  authorization: string;
  invoice: string;
  invoiceLine: string | null;
  shipDate: string;
  endCustomer: string;
  sku: string;
  quantity: number;
  bookCost: string;
  authorizedCost: string;
  claimedAmount: string;
  outcome: ClaimOutcome;
  approvedQuantity: number;
  approvedAmount: string;
  reasonCode: ReasonCode | null;
  message: string;
  /** The rule's outcome when an override replaced it. */
  ruleOutcome: ClaimOutcome | null;
  ruleReasonCode: ReasonCode | null;
  pendingOverride: { id: string; outcome: ClaimOutcome; approvedQuantity: number; approvedAmount: string; note: string; proposedBy: string; proposedAt: string } | null;
}

export interface ClaimDetail extends ClaimSummary {
  revisions: { revision: number; id: string; submittedAt: string; source: string; totals: ClaimTotals }[];
  lines: ClaimLineView[];
  /** Lines in this revision after filtering (the page shows `lines`). */
  lineTotal: number;
}

export interface ClaimLineFilter {
  outcome?: ClaimOutcome | "open" | null;
  limit?: number;
  offset?: number;
  /** An earlier revision by number (history). */
  revision?: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One claim with its lines (an earlier revision on request). Another distributor's claim is a 404. */
export async function getClaim(db: Queryable, viewer: Viewer, id: string, f: ClaimLineFilter = {}, fmt?: ReasonFormat): Promise<ClaimDetail> {
  requireRole(viewer, ["distributor", "channel_manager", "rebate_analyst", "admin"]);
  if (!UUID.test(id)) throw notFound("No such claim");
  const summary = await firstRow(db, sql`select c.id, d.code, d.name, to_char(c.period, 'YYYY-MM') as period, c.reference,
      r.revision, r.id as revision_id, r.submitted_at, r.source, r.file_name, r.totals,
      (select count(*)::int from claim_overrides o where o.revision_id = r.id and o.status = 'proposed') as pending
    from claims c join claim_revisions r on r.claim_id = c.id join distributors d on d.id = c.distributor_id
    where c.id = ${id}::uuid and ${tenant(viewer)}
      and ${f.revision ? sql`r.revision = ${f.revision}` : sql`r.id = c.latest_revision_id`}`, summaryRow);
  if (!summary) throw notFound("No such claim");
  const revisions = await rows(db, sql`select revision, id, submitted_at, source, totals from claim_revisions
    where claim_id = ${id}::uuid order by revision desc`, (r) => ({
    revision: num(r.revision), id: str(r.id), submittedAt: isoOf(r.submitted_at), source: str(r.source), totals: totalsOf(r.totals),
  }));
  const where = f.outcome === "open" ? sql`and cl.outcome <> 'approved'` : f.outcome ? sql`and cl.outcome = ${f.outcome}` : sql``;
  const n = (await firstRow(db, sql`select count(*)::int as n from claim_lines cl where cl.revision_id = ${summary.revisionId}::uuid ${where}`, (r) => num(r.n))) ?? 0;
  const limit = Math.min(f.limit ?? 100_000, 200_000);
  const lines = await rows(db, sql`select cl.*, to_char(cl.ship_date, 'YYYY-MM-DD') as ship,
      a.valid_from::text as valid_from, a.valid_to::text as valid_to,
      o.id as o_id, o.outcome as o_outcome, o.approved_quantity as o_qty, o.approved_amount as o_amount, o.note as o_note, o.proposed_at as o_at, u.email as o_by
    from claim_lines cl
    left join sd_authorizations a on a.id = cl.authorization_id
    left join claim_overrides o on o.revision_id = cl.revision_id and o.line_no = cl.line_no and o.status = 'proposed'
    left join users u on u.id = o.proposed_by
    where cl.revision_id = ${summary.revisionId}::uuid ${where}
    order by cl.line_no limit ${limit} offset ${Math.max(0, f.offset ?? 0)}`, (r) => lineOf(r, fmt));
  return { ...summary, revisions, lines, lineTotal: n };
}

const money2 = (v: unknown) => Number(v ?? 0).toFixed(2);
const cost4 = (v: unknown) => String(Number(v ?? 0));
const codeOf = (v: unknown): ReasonCode | null => (typeof v === "string" && isReasonCode(v) ? v : null);

/** The line mapper (the reason's sentence depends on the asked format). */
function lineOf(r: RawRow, fmt?: ReasonFormat): ClaimLineView {
  const code = codeOf(r.reason_code);
  const view = {
    line: num(r.line_no), authorization: str(r.authorization_number), invoice: str(r.invoice),
    invoiceLine: strOrNull(r.invoice_line), shipDate: str(r.ship), endCustomer: str(r.end_customer),
    sku: str(r.sku), quantity: num(r.quantity), bookCost: cost4(r.book_cost), authorizedCost: cost4(r.authorized_cost),
    claimedAmount: money2(r.claimed_amount), outcome: str(r.outcome) as ClaimOutcome, approvedQuantity: num(r.approved_quantity),
    approvedAmount: money2(r.approved_amount), reasonCode: code,
    ruleOutcome: strOrNull(r.rule_outcome) as ClaimOutcome | null, ruleReasonCode: codeOf(r.rule_reason_code),
    pendingOverride: r.o_id
      ? { id: str(r.o_id), outcome: str(r.o_outcome) as ClaimOutcome, approvedQuantity: num(r.o_qty), approvedAmount: money2(r.o_amount),
        note: str(r.o_note), proposedBy: str(r.o_by), proposedAt: isoOf(r.o_at) }
      : null,
  };
  const message = reasonMessage(code, {
    authorization: view.authorization, invoice: view.invoice, sku: view.sku, shipDate: view.shipDate, quantity: view.quantity,
    approvedQuantity: view.approvedQuantity, claimedAmount: Number(view.claimedAmount), approvedAmount: Number(view.approvedAmount),
    refQuantity: numOrNull(r.ref_quantity), refCost: numOrNull(r.ref_cost), refAmount: numOrNull(r.ref_amount),
    validFrom: strOrNull(r.valid_from), validTo: strOrNull(r.valid_to),
  }, fmt);
  return { ...view, message };
}
