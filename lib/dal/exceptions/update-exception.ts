import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import {
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  type BulkUpdateInput,
  type ExceptionStatus,
  type NoteInput,
  type UpdateExceptionInput,
} from "@/lib/validation/exceptions";
import { recordAudit } from "../audit/record-audit";
import { checkVersion } from "@/lib/errors";
import { appendEvent, conflict, exceptionVersion, loadException, requireExceptionWorker, resolveOwner, touchException, type ExceptionCore, type StaffUser } from "./shared";

function checkTransition(from: ExceptionStatus, to: ExceptionStatus) {
  if (from === to) return;
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    const allowed = STATUS_TRANSITIONS[from].map((s) => STATUS_LABELS[s].toLowerCase()).join(" or ");
    throw conflict(`An exception that is ${STATUS_LABELS[from].toLowerCase()} can move to ${allowed}, not ${STATUS_LABELS[to].toLowerCase()}`);
  }
}

/** Applies the changes to a locked exception and appends one event per change. Returns what changed. */
async function applyChanges(
  tx: Queryable,
  viewer: Viewer,
  e: ExceptionCore,
  change: { status?: ExceptionStatus; reason?: UpdateExceptionInput["reason"]; owner?: StaffUser | null },
): Promise<string[]> {
  const changed: string[] = [];
  if (change.status !== undefined && change.status !== e.status) {
    checkTransition(e.status, change.status);
    // A status set by hand: whatever resolved it before (a correction, a revision) no longer says why it stands.
    await tx.execute(sql`update exceptions set status = ${change.status}::exception_status, resolution = null where id = ${e.id}::uuid`);
    await appendEvent(tx, { exceptionId: e.id, kind: "status", authorId: viewer.userId, data: { from: e.status, to: change.status } });
    changed.push("status");
  }
  if (change.reason !== undefined && change.reason !== e.reason) {
    await tx.execute(sql`update exceptions set reason = ${change.reason}::exception_reason where id = ${e.id}::uuid`);
    await appendEvent(tx, { exceptionId: e.id, kind: "reason", authorId: viewer.userId, data: { from: e.reason, to: change.reason } });
    changed.push("reason");
  }
  if (change.owner !== undefined && (change.owner?.id ?? null) !== e.ownerId) {
    await tx.execute(sql`update exceptions set owner_id = ${change.owner?.id ?? null}::uuid where id = ${e.id}::uuid`);
    await appendEvent(tx, {
      exceptionId: e.id, kind: "owner", authorId: viewer.userId,
      data: { from: e.ownerId, to: change.owner?.id ?? null, toEmail: change.owner?.email ?? null, toName: change.owner?.name ?? null },
    });
    changed.push("owner");
  }
  if (changed.length) await touchException(tx, e.id);
  return changed;
}

/**
 * Changes status (open → investigating → resolved | dismissed; resolved or dismissed → open),
 * reason and owner; an optional note is appended too. Every change is an event with author and time.
 * With `expectedVersion` (If-Match, or the version a screen showed) a change made since is not
 * overwritten: 412 `StaleVersion`, nothing saved.
 */
export async function updateException(db: Queryable, viewer: Viewer, id: string, input: UpdateExceptionInput, expectedVersion?: number) {
  requireExceptionWorker(viewer);
  const owner = input.owner !== undefined ? await resolveOwner(db, viewer, input.owner) : undefined;
  return db.transaction(async (tx) => {
    const e = await loadException(tx, viewer, id, true);
    checkVersion("This exception", await exceptionVersion(tx, e.id), expectedVersion);
    const changed = await applyChanges(tx, viewer, e, { status: input.status, reason: input.reason, owner });
    if (input.note) {
      await appendEvent(tx, { exceptionId: e.id, kind: "note", authorId: viewer.userId, body: input.note, data: { internal: false } });
      await touchException(tx, e.id);
      changed.push("note");
    }
    if (changed.includes("status")) {
      await recordAudit(tx, viewer, "exception.update", { distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}`, data: { exceptionId: e.id, changed } });
    }
    return { id: e.id, changed };
  });
}

/**
 * Assigns and/or moves many exceptions at once. One transaction; an exception whose status may not
 * make that move (or that does not exist) is skipped and listed, the others are changed.
 */
export async function bulkUpdateExceptions(db: Queryable, viewer: Viewer, input: BulkUpdateInput) {
  requireExceptionWorker(viewer);
  const owner = input.owner !== undefined ? await resolveOwner(db, viewer, input.owner) : undefined;
  return db.transaction(async (tx) => {
    const updated: string[] = [];
    const skipped: { id: string; message: string }[] = [];
    for (const id of [...new Set(input.ids)]) {
      let e: ExceptionCore;
      try {
        e = await loadException(tx, viewer, id, true);
      } catch {
        skipped.push({ id, message: "No such exception" });
        continue;
      }
      if (input.status !== undefined && input.status !== e.status && !STATUS_TRANSITIONS[e.status].includes(input.status)) {
        skipped.push({ id, message: `${e.distributorCode} ${e.sku} ${e.period} is ${STATUS_LABELS[e.status].toLowerCase()}: it cannot move to ${STATUS_LABELS[input.status].toLowerCase()}` });
        continue;
      }
      const changed = await applyChanges(tx, viewer, e, { status: input.status, owner });
      if (changed.length) updated.push(id);
    }
    await recordAudit(tx, viewer, "exception.bulk_update", { data: { updated: updated.length, skipped: skipped.length, status: input.status ?? null, owner: owner === undefined ? "unchanged" : (owner?.email ?? null) } });
    return { updated, skipped };
  });
}

/**
 * A note on the thread. Staff (who work exceptions) write notes, shared with the distributor unless
 * marked internal; the owning distributor writes answers, which staff see marked as such. Another
 * distributor's exception is a 404.
 */
export async function addExceptionNote(db: Queryable, viewer: Viewer, id: string, input: NoteInput) {
  const partner = viewer.role === "distributor";
  if (!partner) requireExceptionWorker(viewer);
  return db.transaction(async (tx) => {
    const e = await loadException(tx, viewer, id, true);
    const kind = partner ? "answer" : "note";
    await appendEvent(tx, {
      exceptionId: e.id, kind, authorId: viewer.userId, body: input.body,
      data: partner ? { via: viewer.via } : { internal: Boolean(input.internal) },
    });
    await touchException(tx, e.id);
    if (partner) await recordAudit(tx, viewer, "exception.answer", { distributorId: e.distributorId, subject: `${e.distributorCode} ${e.sku} ${e.period}`, data: { exceptionId: e.id } });
    return { id: e.id, kind };
  });
}
