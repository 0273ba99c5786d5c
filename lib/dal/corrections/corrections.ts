import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { corrections, movements } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { signedCorrection, signedQuantity, type MovementType } from "@/lib/domain/movements";
import { periodToDate } from "@/lib/domain/periods";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { ACTIVE_STATUSES, proposeCorrectionSchema, type CorrectionType, type ProposeCorrectionInput } from "@/lib/validation/exceptions";
import { recordAudit } from "../audit/record-audit";
import { appendEvent, conflict, isUuid, ledgerNow, loadException, requireExceptionWorker, touchException } from "../exceptions/shared";
import { updateLedger } from "../ledger/update-ledger";
import { syncAutomaticExceptions } from "../exceptions/sync-automatic";
import { firstRow, num, rows, str } from "@/db/sql-rows";
import { getSettings } from "../settings/get-settings";
import { DEFAULT_THRESHOLDS, isSignificantGap } from "@/lib/domain/ledger";
import type { LedgerNow } from "../exceptions/shared";
import { closeApprovalNotices, noticeApprovers } from "./approval-notices";

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
    await noticeApprovers(tx, viewer, { id: c!.id, signed: input.quantity, reason: input.reason }, { distributorCode: e.distributorCode, sku: e.sku, period: e.period });
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
  const c = await firstRow(
    tx,
    sql`select id, exception_id, type::text as type, quantity, reason, status::text as status, proposed_by
      from corrections where id = ${correctionId}::uuid for update`,
    (r) => ({
      id: str(r.id), exception_id: str(r.exception_id), type: str(r.type) as MovementType, quantity: num(r.quantity),
      reason: str(r.reason), status: str(r.status), proposed_by: str(r.proposed_by),
    }),
  );
  if (!c) throw notFound("No such correction");
  return c;
}

/** How long an account made, re-roled or given a password by one person does not count as a second person beside them. */
export const TWO_PERSON_HOURS = 24;

/**
 * A refused approval that was audited: the audit entry must outlive the refusal, so callers answer
 * it (403) without rolling their transaction back — `settleRefusal`.
 */
export class AuditedRefusal extends AppError {
  constructor(message: string) {
    super("forbidden", message);
  }
}

/** Resolves to the refusal instead of throwing it (route handlers and actions then answer it and commit the audit). */
export async function settleRefusal<T>(p: Promise<T>): Promise<T | AuditedRefusal> {
  return p.catch((e: unknown) => {
    if (e instanceof AuditedRefusal) return e;
    throw e;
  });
}

/**
 * The two-person rule, beyond "not yourself": one admin could create a second account (or set its
 * role or its password, and so know it) and approve with it. So within {@link TWO_PERSON_HOURS}
 * hours of such a change the two are not two people when one of them made it for the other, or one
 * admin made it for both (two accounts of one hand). Returns why not, or null.
 */
async function notASecondPerson(tx: Queryable, proposerId: string, approverId: string): Promise<string | null> {
  const changes = await rows(
    tx,
    sql`
      select u.id, x.by, x.what
        from users u
        cross join lateral (values (u.created_by, u.created_at, 'created'), (u.role_set_by, u.role_set_at, 'set the role of'),
                                   (u.password_set_by, u.password_set_at, 'set the password of')) as x(by, at, what)
       where u.id in (${approverId}::uuid, ${proposerId}::uuid) and x.by is not null
         and x.at > now() - make_interval(hours => ${TWO_PERSON_HOURS})`,
    (r) => ({ id: str(r.id), by: str(r.by), what: str(r.what) }),
  );
  const h = `in the last ${TWO_PERSON_HOURS} hours`;
  const mine = changes.filter((r) => r.id === approverId);
  const theirs = changes.filter((r) => r.id === proposerId);
  const byProposer = mine.find((r) => r.by === proposerId);
  if (byProposer) return `the proposer ${byProposer.what} your account ${h}`;
  const byMe = theirs.find((r) => r.by === approverId);
  if (byMe) return `you ${byMe.what} the proposer's account ${h}`;
  if (mine.some((m) => theirs.some((t) => t.by === m.by))) return `one person created or changed both your and the proposer's accounts ${h}`;
  return null;
}

/**
 * A second staff member approves: the correction becomes one ledger movement in the exception's
 * period (correction_id set), the ledger of that distributor × product is recomputed, all in one
 * transaction. The proposer may not approve their own correction (403), nor may someone whose
 * account they made or changed within a day, or who made or changed theirs (`notASecondPerson`):
 * every such attempt — a way round the rule — is audited (`correction.approve_refused`) and
 * answered with an {@link AuditedRefusal}.
 */
export async function approveCorrection(db: Queryable, viewer: Viewer, correctionId: string, input: { note?: string } = {}) {
  requireExceptionWorker(viewer);
  const outcome = await db.transaction(async (tx) => {
    const c = await lockCorrection(tx, correctionId);
    const e = await loadException(tx, viewer, c.exception_id, true);
    const refused = (why: string) => ({ refused: why, correctionId: c.id, exceptionId: e.id, distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}` });
    if (c.proposed_by === viewer.userId) throw forbidden("A correction needs a second person: you proposed it");
    const puppet = await notASecondPerson(tx, c.proposed_by, viewer.userId);
    if (puppet) return refused(`A correction needs a second person: ${puppet}`);
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

    // The ledger rows of this distributor × product from the exception's period on, and the automatic
    // exceptions of those rows (this one included when it was opened automatically), in this transaction.
    const change = { distributorId: e.distributorId, productIds: [e.productId], from: periodToDate(e.period) };
    await updateLedger(tx, change);
    await syncAutomaticExceptions(tx, change, "correction");
    const after = await ledgerNow(tx, e.distributorId, e.productId, e.period);
    // A hand-opened exception closes too when the approved correction brings its row within tolerance.
    const resolved = await resolveWhenWithinTolerance(tx, e.id, after);

    const signed = signedQuantity(c.type, Number(c.quantity));
    await appendEvent(tx, {
      exceptionId: e.id, kind: "correction.approved", authorId: viewer.userId,
      body: input.note ?? null,
      data: { correctionId: c.id, movementId: mv!.id, quantity: signed, type: c.type, gapBefore: before?.gap ?? null, gapAfter: after?.gap ?? null, calculatedAfter: after?.calculated ?? null },
    });
    if (resolved) {
      await appendEvent(tx, { exceptionId: e.id, kind: "status", authorId: viewer.userId, body: "Resolved by correction", data: { from: resolved, to: "resolved", resolution: "correction", gap: after?.gap ?? null } });
    }
    await closeApprovalNotices(tx, c.id);
    await touchException(tx, e.id);
    await recordAudit(tx, viewer, "correction.approve", {
      distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}`,
      data: { exceptionId: e.id, correctionId: c.id, movementId: mv!.id, quantity: signed, type: c.type, gapBefore: before?.gap ?? null, gapAfter: after?.gap ?? null },
    });
    return { id: c.id, exceptionId: e.id, status: "approved" as const, movementId: mv!.id, quantity: signed, type: c.type, ledger: after, exceptionResolved: await isResolved(tx, e.id) };
  });
  if ("refused" in outcome) {
    // Outside the (rolled-back or released) savepoint, in the caller's transaction: kept.
    await recordAudit(db, viewer, "correction.approve_refused", {
      distributorId: outcome.distributorId, subject: outcome.subject,
      data: { correctionId: outcome.correctionId, exceptionId: outcome.exceptionId, reason: outcome.refused },
    });
    throw new AuditedRefusal(outcome.refused);
  }
  return outcome;
}

/**
 * Resolves an open or investigating exception (hand-opened ones too: automatic ones were already
 * followed by the sync) whose row `after` is within the settings' tolerance. Returns the status it
 * had, or null when it stays as it was.
 */
async function resolveWhenWithinTolerance(tx: Queryable, exceptionId: string, after: LedgerNow | null): Promise<string | null> {
  const s = await getSettings(tx);
  if (after && isSignificantGap(after.gap, after.gapPct, { ...DEFAULT_THRESHOLDS, gapUnits: s.gapUnitsThreshold, gapPct: s.gapPctThreshold })) return null;
  const from = await firstRow(
    tx,
    sql`
      update exceptions e set status = 'resolved', resolution = 'correction', updated_at = now(), version = e.version + 1
        from exceptions old
       where old.id = e.id and e.id = ${exceptionId}::uuid and e.status in ('open', 'investigating')
      returning old.status::text as from_status`,
    (r) => str(r.from_status),
  );
  return from ?? null;
}

async function isResolved(tx: Queryable, exceptionId: string): Promise<boolean> {
  const status = await firstRow(tx, sql`select status::text as status from exceptions where id = ${exceptionId}::uuid`, (r) => str(r.status));
  return status === "resolved";
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
    await closeApprovalNotices(tx, c.id);
    await recordAudit(tx, viewer, "correction.reject", { distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}`, data: { exceptionId: e.id, correctionId: c.id } });
    return { id: c.id, exceptionId: e.id, status: "rejected" as const };
  });
}
