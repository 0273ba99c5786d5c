/**
 * The rebate team's overrides of a claim line's rule outcome. An override that approves more than the
 * settings' `claim_override_limit` waits for a second staff member (four eyes, as corrections do);
 * otherwise it applies at once. Applying replaces the line's outcome (the rule's is kept beside it)
 * and the revision's totals in the same transaction.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { overrideDecisionSchema, overrideSchema, type OverrideBody } from "@/lib/validation/claims";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { getSettings } from "../settings/get-settings";
import { firstRow, num, rows, str, type RowMapper } from "@/db/sql-rows";
import { storeClaimTotals } from "./claim-totals";

export const REBATE_TEAM = ["rebate_analyst", "admin"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const conflict = (message: string) => new AppError("conflict", message);
const idRow: RowMapper<{ id: string }> = (r) => ({ id: str(r.id) });

export interface OverrideResult {
  id: string;
  status: "applied" | "proposed";
  /** Why it waits: the amount above the limit. */
  needsSecondApprover: boolean;
  limit: string;
}

export async function proposeOverride(db: Queryable, viewer: Viewer, claimId: string, lineNo: number, body: OverrideBody): Promise<OverrideResult> {
  requireRole(viewer, REBATE_TEAM);
  const parsed = overrideSchema.safeParse(body);
  if (!parsed.success) throw new AppError("validation_failed", "The override cannot be read", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const o = parsed.data;
  if (!UUID.test(claimId)) throw notFound("No such claim");
  return db.transaction(async (tx) => {
    const line = await firstRow(tx, sql`
      select cl.revision_id, cl.distributor_id, cl.quantity, cl.claimed_amount::text, d.code, to_char(c.period, 'YYYY-MM') as period
      from claims c join claim_lines cl on cl.revision_id = c.latest_revision_id join distributors d on d.id = c.distributor_id
      where c.id = ${claimId}::uuid and cl.line_no = ${lineNo} for update of cl`, (r) => ({
      revision_id: str(r.revision_id), distributor_id: num(r.distributor_id), quantity: num(r.quantity), claimed_amount: str(r.claimed_amount), code: str(r.code), period: str(r.period),
    }));
    if (!line) throw notFound(`No line ${lineNo} in this claim's latest revision`);
    const qty = o.outcome === "rejected" ? 0 : o.approvedQuantity;
    const amount = o.outcome === "rejected" ? 0 : o.approvedAmount;
    if (qty > line.quantity) throw new AppError("validation_failed", `At most the ${line.quantity} units claimed`, [{ path: "approvedQuantity", message: `At most ${line.quantity}` }]);
    if (Math.round(amount * 100) > Math.round(Number(line.claimed_amount) * 100)) {
      throw new AppError("validation_failed", `At most the ${line.claimed_amount} claimed`, [{ path: "approvedAmount", message: `At most ${line.claimed_amount}` }]);
    }
    if (o.outcome !== "rejected" && (qty === 0 || amount === 0)) throw new AppError("validation_failed", "An approved line pays something: give a quantity and an amount, or reject it", [{ path: "approvedAmount", message: "Above zero" }]);
    const pending = await firstRow(tx, sql`select id from claim_overrides where revision_id = ${line.revision_id}::uuid and line_no = ${lineNo} and status = 'proposed'`, idRow);
    if (pending) throw conflict("An override of this line is already waiting for approval");
    const settings = await getSettings(tx);
    const limit = Number(settings.claimOverrideLimit);
    const needs = amount > limit;
    const row = await firstRow(tx, sql`insert into claim_overrides (revision_id, line_no, distributor_id, outcome, approved_quantity, approved_amount, note, status, proposed_by, decided_by, decided_at)
      values (${line.revision_id}::uuid, ${lineNo}, ${line.distributor_id}, ${o.outcome}, ${qty}, ${amount}, ${o.note}, ${needs ? "proposed" : "applied"}, ${viewer.userId}::uuid,
        ${needs ? null : viewer.userId}::uuid, ${needs ? null : new Date().toISOString()}::timestamptz)
      returning id`, idRow);
    if (!needs) await applyOverride(tx, row!.id);
    await recordAudit(tx, viewer, "claim.override", { distributorId: line.distributor_id, subject: `${line.code} ${line.period} claim line ${lineNo}`,
      data: { claimId, lineNo, overrideId: row!.id, outcome: o.outcome, qty, amount, status: needs ? "proposed" : "applied" } });
    return { id: row!.id, status: needs ? "proposed" : "applied", needsSecondApprover: needs, limit: limit.toFixed(2) };
  });
}

/** A second staff member approves or rejects a waiting override; the proposer cannot. */
export async function decideOverride(db: Queryable, viewer: Viewer, overrideId: string, body: { approve: boolean; note?: string }) {
  requireRole(viewer, REBATE_TEAM);
  const d = overrideDecisionSchema.parse(body);
  if (!UUID.test(overrideId)) throw notFound("No such override");
  return db.transaction(async (tx) => {
    const o = await firstRow(tx, sql`
      select id, status, proposed_by, distributor_id, revision_id, line_no from claim_overrides where id = ${overrideId}::uuid for update`, (r) => ({
      id: str(r.id), status: str(r.status), proposed_by: str(r.proposed_by), distributor_id: num(r.distributor_id), revision_id: str(r.revision_id), line_no: num(r.line_no),
    }));
    if (!o) throw notFound("No such override");
    if (o.status !== "proposed") throw conflict(`This override is already ${o.status}`);
    if (o.proposed_by === viewer.userId) throw forbidden("A second person approves an override above the limit: not the one who proposed it");
    await tx.execute(sql`update claim_overrides set status = ${d.approve ? "applied" : "rejected"}, decided_by = ${viewer.userId}::uuid,
      decided_at = now(), decision_note = ${d.note ?? null} where id = ${overrideId}::uuid`);
    if (d.approve) await applyOverride(tx, overrideId);
    await recordAudit(tx, viewer, d.approve ? "claim.override_approve" : "claim.override_reject", { distributorId: o.distributor_id, data: { overrideId, lineNo: o.line_no } });
    return { id: overrideId, status: d.approve ? "applied" : "rejected" };
  });
}

/** The proposer takes back a waiting override. */
export async function withdrawOverride(db: Queryable, viewer: Viewer, overrideId: string) {
  requireRole(viewer, REBATE_TEAM);
  if (!UUID.test(overrideId)) throw notFound("No such override");
  const withdrawn = await rows(db, sql`update claim_overrides set status = 'withdrawn', decided_by = ${viewer.userId}::uuid, decided_at = now()
    where id = ${overrideId}::uuid and status = 'proposed' and proposed_by = ${viewer.userId}::uuid returning id`, idRow);
  if (!withdrawn.length) throw notFound("No override of yours waiting");
  return { id: overrideId, status: "withdrawn" as const };
}

async function applyOverride(tx: Queryable, overrideId: string) {
  const r = await firstRow(tx, sql`update claim_lines cl set
      rule_outcome = coalesce(cl.rule_outcome, cl.outcome),
      rule_reason_code = case when cl.rule_outcome is null then cl.reason_code else cl.rule_reason_code end,
      outcome = o.outcome, approved_quantity = o.approved_quantity, approved_amount = o.approved_amount, reason_code = 'OVERRIDE'
    from claim_overrides o where o.id = ${overrideId}::uuid and cl.revision_id = o.revision_id and cl.line_no = o.line_no
    returning cl.revision_id`, (row) => ({ revision_id: str(row.revision_id) }));
  if (r) await storeClaimTotals(tx, r.revision_id);
}
