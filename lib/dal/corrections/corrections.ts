import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { corrections, movements } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { signedCorrection, signedQuantity, type MovementType } from "@/lib/domain/movements";
import { periodToDate } from "@/lib/domain/periods";
import { forbidden, notFound } from "@/lib/errors";
import { ACTIVE_STATUSES, proposeCorrectionSchema, type CorrectionType, type ProposeCorrectionInput } from "@/lib/validation/exceptions";
import { recordAudit } from "../audit/record-audit";
import { appendEvent, conflict, isUuid, ledgerNow, loadException, requireExceptionWorker, touchException } from "../exceptions/shared";
import { currentLedgerPeriod } from "../ledger/ensure-ledger";
import { refreshLedger } from "../ledger/refresh-ledger";
import { asRows } from "../sql-rows";

/**
 * The movement a signed correction becomes. The direction (and so the sign) comes from
 * `signedCorrection` in lib/domain/movements; a transfer takes the same direction as a transfer type.
 */
export function correctionMovement(type: CorrectionType, signed: number): { type: MovementType; quantity: number } {
  const base = signedCorrection(signed);
  const inbound = base.type === "adjustment_in";
  const transfer = type === "transfer" || type === "transfer_in" || type === "transfer_out";
  const movementType: MovementType = transfer ? (inbound ? "transfer_in" : "transfer_out") : base.type;
  if (signedQuantity(movementType, base.quantity) !== signed) throw new RangeError(`Correction ${type} ${signed} does not map onto ${movementType}`);
  return { type: movementType, quantity: base.quantity };
}

/** The kind recorded with the correction (the directional API types fold into their family). */
const kindOf = (type: CorrectionType) => (type.startsWith("transfer") ? "transfer" : type.startsWith("adjustment") ? "adjustment" : type);

/** Proposes a signed correction on an open or investigating exception; it changes nothing until approved. */
export async function proposeCorrection(db: Queryable, viewer: Viewer, exceptionId: string, input: ProposeCorrectionInput) {
  requireExceptionWorker(viewer);
  input = proposeCorrectionSchema.parse(input);
  const m = correctionMovement(input.type, input.quantity);
  return db.transaction(async (tx) => {
    const e = await loadException(tx, viewer, exceptionId, true);
    if (!ACTIVE_STATUSES.includes(e.status)) throw conflict(`The exception is ${e.status}: reopen it before proposing a correction`);
    const [c] = await tx
      .insert(corrections)
      .values({ exceptionId: e.id, type: m.type, kind: kindOf(input.type), quantity: m.quantity, reason: input.reason, proposedBy: viewer.userId })
      .returning();
    await appendEvent(tx, {
      exceptionId: e.id, kind: "correction.proposed", authorId: viewer.userId, body: input.reason,
      data: { correctionId: c!.id, quantity: input.quantity, type: m.type, kind: kindOf(input.type) },
    });
    await touchException(tx, e.id);
    await recordAudit(tx, viewer, "correction.propose", {
      distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}`,
      data: { exceptionId: e.id, correctionId: c!.id, quantity: input.quantity, type: m.type },
    });
    return {
      id: c!.id, exceptionId: e.id, status: c!.status, quantity: input.quantity, type: m.type, kind: c!.kind, reason: c!.reason,
      proposedBy: viewer.email, proposedAt: c!.proposedAt.toISOString(),
    };
  });
}

async function lockCorrection(tx: Queryable, correctionId: string) {
  if (!isUuid(correctionId)) throw notFound("No such correction");
  const [c] = asRows<{ id: string; exception_id: string; type: MovementType; quantity: number; reason: string; status: string; proposed_by: string }>(
    await tx.execute(sql`select id, exception_id, type::text as type, quantity, reason, status::text as status, proposed_by
      from corrections where id = ${correctionId}::uuid for update`),
  );
  if (!c) throw notFound("No such correction");
  return c;
}

/**
 * A second staff member approves: the correction becomes one ledger movement in the exception's
 * period (correction_id set), the ledger of that distributor × product is recomputed, all in one
 * transaction. The proposer may not approve their own correction (403).
 */
export async function approveCorrection(db: Queryable, viewer: Viewer, correctionId: string) {
  requireExceptionWorker(viewer);
  return db.transaction(async (tx) => {
    const c = await lockCorrection(tx, correctionId);
    const e = await loadException(tx, viewer, c.exception_id, true);
    if (c.proposed_by === viewer.userId) throw forbidden("A correction needs a second person: you proposed it");
    if (c.status !== "proposed") throw conflict(`The correction was already ${c.status}`);
    if (!ACTIVE_STATUSES.includes(e.status)) throw conflict(`The exception is ${e.status}: reopen it before approving a correction`);
    const before = await ledgerNow(tx, e.distributorId, e.productId, e.period);

    await tx.execute(sql`update corrections set status = 'approved', decided_by = ${viewer.userId}::uuid, decided_at = now() where id = ${c.id}::uuid`);
    const [mv] = await tx
      .insert(movements)
      .values({
        distributorId: e.distributorId, productId: e.productId, period: periodToDate(e.period), type: c.type, quantity: Number(c.quantity),
        correctionId: c.id, reason: c.reason, createdBy: viewer.userId,
      })
      .returning({ id: movements.id });

    // Recompute through the latest ledger period (never shorter than what is already maintained).
    const [last] = asRows<{ last: string | null }>(
      await tx.execute(sql`select to_char(max(period), 'YYYY-MM') as last from ledger_balances where distributor_id = ${e.distributorId} and product_id = ${e.productId}`),
    );
    const through = [await currentLedgerPeriod(tx), last?.last ?? e.period, e.period].sort().at(-1)!;
    await refreshLedger(tx, { distributorIds: [e.distributorId], productIds: [e.productId] }, periodToDate(through));
    const after = await ledgerNow(tx, e.distributorId, e.productId, e.period);

    const signed = signedQuantity(c.type, Number(c.quantity));
    await appendEvent(tx, {
      exceptionId: e.id, kind: "correction.approved", authorId: viewer.userId,
      data: { correctionId: c.id, movementId: mv!.id, quantity: signed, type: c.type, gapBefore: before?.gap ?? null, gapAfter: after?.gap ?? null, calculatedAfter: after?.calculated ?? null },
    });
    await touchException(tx, e.id);
    await recordAudit(tx, viewer, "correction.approve", {
      distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}`,
      data: { exceptionId: e.id, correctionId: c.id, movementId: mv!.id, quantity: signed, type: c.type, gapBefore: before?.gap ?? null, gapAfter: after?.gap ?? null },
    });
    return { id: c.id, exceptionId: e.id, status: "approved" as const, movementId: mv!.id, quantity: signed, type: c.type, ledger: after };
  });
}

/** Rejects a proposed correction (any staff member who works exceptions, the proposer included: a withdrawal). */
export async function rejectCorrection(db: Queryable, viewer: Viewer, correctionId: string, input: { reason?: string } = {}) {
  requireExceptionWorker(viewer);
  return db.transaction(async (tx) => {
    const c = await lockCorrection(tx, correctionId);
    const e = await loadException(tx, viewer, c.exception_id, true);
    if (c.status !== "proposed") throw conflict(`The correction was already ${c.status}`);
    await tx.execute(sql`update corrections set status = 'rejected', decided_by = ${viewer.userId}::uuid, decided_at = now() where id = ${c.id}::uuid`);
    await appendEvent(tx, {
      exceptionId: e.id, kind: "correction.rejected", authorId: viewer.userId, body: input.reason ?? null,
      data: { correctionId: c.id, quantity: signedQuantity(c.type, Number(c.quantity)), type: c.type, withdrawn: c.proposed_by === viewer.userId },
    });
    await touchException(tx, e.id);
    await recordAudit(tx, viewer, "correction.reject", { distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}`, data: { exceptionId: e.id, correctionId: c.id } });
    return { id: c.id, exceptionId: e.id, status: "rejected" as const };
  });
}
