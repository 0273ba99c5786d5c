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
import { asRows } from "../sql-rows";

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

const tenant = (viewer: Viewer) => (isStaff(viewer) ? sql`true` : sql`c.distributor_id = ${viewer.distributorId ?? -1}`);

export async function listClaims(db: Queryable, viewer: Viewer, f: ClaimFilter = {}): Promise<ClaimSummary[]> {
  requireRole(viewer, ["distributor", "channel_manager", "rebate_analyst", "admin"]);
  const rows = asRows<Record<string, unknown>>(await db.execute(sql`select c.id, d.code, d.name, to_char(c.period, 'YYYY-MM') as period, c.reference,
      r.revision, r.id as revision_id, r.submitted_at, r.source, r.file_name, r.totals,
      (select count(*)::int from claim_overrides o where o.revision_id = r.id and o.status = 'proposed') as pending
    from claims c join claim_revisions r on r.id = c.latest_revision_id join distributors d on d.id = c.distributor_id
    where ${tenant(viewer)}
      ${f.distributorCode ? sql`and d.code = ${f.distributorCode.toUpperCase()}` : sql``}
      ${f.period ? sql`and c.period = ${periodToDate(f.period)}::date` : sql``}
      ${f.awaiting ? sql`and exists (select 1 from claim_overrides o where o.revision_id = r.id and o.status = 'proposed')` : sql``}
    order by c.period desc, d.code, r.submitted_at desc
    limit ${Math.min(f.limit ?? 500, 2000)}`));
  return rows.map(summaryOf);
}

function summaryOf(r: Record<string, unknown>): ClaimSummary {
  const pending = Number(r.pending ?? 0);
  return {
    id: String(r.id), distributor: { code: String(r.code), name: String(r.name) }, period: String(r.period),
    reference: (r.reference as string | null) ?? null, revision: Number(r.revision), revisionId: String(r.revision_id),
    submittedAt: new Date(r.submitted_at as string).toISOString(), source: String(r.source), fileName: (r.file_name as string | null) ?? null,
    status: pending > 0 ? "awaiting_approval" : "validated", pendingOverrides: pending, totals: totalsOf(r.totals),
  };
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
  const [head] = asRows<Record<string, unknown>>(await db.execute(sql`select c.id, d.code, d.name, to_char(c.period, 'YYYY-MM') as period, c.reference,
      r.revision, r.id as revision_id, r.submitted_at, r.source, r.file_name, r.totals,
      (select count(*)::int from claim_overrides o where o.revision_id = r.id and o.status = 'proposed') as pending
    from claims c join claim_revisions r on r.claim_id = c.id join distributors d on d.id = c.distributor_id
    where c.id = ${id}::uuid and ${tenant(viewer)}
      and ${f.revision ? sql`r.revision = ${f.revision}` : sql`r.id = c.latest_revision_id`}`));
  if (!head) throw notFound("No such claim");
  const summary = summaryOf(head);
  const revisions = asRows<Record<string, unknown>>(await db.execute(sql`select revision, id, submitted_at, source, totals from claim_revisions
    where claim_id = ${id}::uuid order by revision desc`)).map((r) => ({
    revision: Number(r.revision), id: String(r.id), submittedAt: new Date(r.submitted_at as string).toISOString(), source: String(r.source), totals: totalsOf(r.totals),
  }));
  const where = f.outcome === "open" ? sql`and cl.outcome <> 'approved'` : f.outcome ? sql`and cl.outcome = ${f.outcome}` : sql``;
  const [{ n } = { n: 0 }] = asRows<{ n: number }>(await db.execute(sql`select count(*)::int as n from claim_lines cl where cl.revision_id = ${summary.revisionId}::uuid ${where}`));
  const limit = Math.min(f.limit ?? 100_000, 200_000);
  const rows = asRows<Record<string, unknown>>(await db.execute(sql`select cl.*, to_char(cl.ship_date, 'YYYY-MM-DD') as ship,
      a.valid_from::text as valid_from, a.valid_to::text as valid_to,
      o.id as o_id, o.outcome as o_outcome, o.approved_quantity as o_qty, o.approved_amount as o_amount, o.note as o_note, o.proposed_at as o_at, u.email as o_by
    from claim_lines cl
    left join sd_authorizations a on a.id = cl.authorization_id
    left join claim_overrides o on o.revision_id = cl.revision_id and o.line_no = cl.line_no and o.status = 'proposed'
    left join users u on u.id = o.proposed_by
    where cl.revision_id = ${summary.revisionId}::uuid ${where}
    order by cl.line_no limit ${limit} offset ${Math.max(0, f.offset ?? 0)}`));
  return { ...summary, revisions, lines: rows.map((r) => lineOf(r, fmt)), lineTotal: n };
}

const money2 = (v: unknown) => Number(v ?? 0).toFixed(2);
const cost4 = (v: unknown) => String(Number(v ?? 0));
const codeOf = (v: unknown): ReasonCode | null => (typeof v === "string" && isReasonCode(v) ? v : null);

function lineOf(r: Record<string, unknown>, fmt?: ReasonFormat): ClaimLineView {
  const code = codeOf(r.reason_code);
  const view = {
    line: Number(r.line_no), authorization: String(r.authorization_number), invoice: String(r.invoice),
    invoiceLine: (r.invoice_line as string | null) ?? null, shipDate: String(r.ship), endCustomer: String(r.end_customer),
    sku: String(r.sku), quantity: Number(r.quantity), bookCost: cost4(r.book_cost), authorizedCost: cost4(r.authorized_cost),
    claimedAmount: money2(r.claimed_amount), outcome: r.outcome as ClaimOutcome, approvedQuantity: Number(r.approved_quantity ?? 0),
    approvedAmount: money2(r.approved_amount), reasonCode: code,
    ruleOutcome: (r.rule_outcome as ClaimOutcome | null) ?? null, ruleReasonCode: codeOf(r.rule_reason_code),
    pendingOverride: r.o_id
      ? { id: String(r.o_id), outcome: r.o_outcome as ClaimOutcome, approvedQuantity: Number(r.o_qty), approvedAmount: money2(r.o_amount),
        note: String(r.o_note), proposedBy: String(r.o_by), proposedAt: new Date(r.o_at as string).toISOString() }
      : null,
  };
  const message = reasonMessage(code, {
    authorization: view.authorization, invoice: view.invoice, sku: view.sku, shipDate: view.shipDate, quantity: view.quantity,
    approvedQuantity: view.approvedQuantity, claimedAmount: Number(view.claimedAmount), approvedAmount: Number(view.approvedAmount),
    refQuantity: r.ref_quantity == null ? null : Number(r.ref_quantity), refCost: r.ref_cost == null ? null : Number(r.ref_cost),
    refAmount: r.ref_amount == null ? null : Number(r.ref_amount),
    validFrom: (r.valid_from as string | null) ?? null, validTo: (r.valid_to as string | null) ?? null,
  }, fmt);
  return { ...view, message };
}
