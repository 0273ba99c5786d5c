/**
 * Idempotency keys (table `idempotency_keys`, one per user × key), used inside the transaction of a
 * write so that the key and the write commit together — or not at all.
 *
 * - `claimIdempotencyKey(tx, claim, onInFlight?)` → `{ replay: null }` (first use: go ahead and write) or
 *   `{ replay: { status, response } }` (the same request was completed before: answer that, write nothing).
 *   Throws 422 `idempotency_mismatch` when the key was used for another request, and 409 `conflict`
 *   while another transaction is still working on the same key (or, with `onInFlight: "wait"`, waits
 *   for it and replays its answer).
 * - `completeIdempotencyKey(tx, claim, status, response)` stores the key with its answer: the record's
 *   one write (same transaction; the claim itself only locks and reads).
 * - `requestHash(value)` → sha256 of a stable JSON rendering.
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { bool, firstRow } from "@/db/sql-rows";

export interface IdempotencyClaim {
  userId: string;
  key: string;
  /** What the key is used for, e.g. "submission:2026-10". */
  scope: string;
  requestHash: string;
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function requestHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(stable(value))).digest("hex");
}

export async function claimIdempotencyKey(
  tx: Queryable,
  claim: IdempotencyClaim,
  onInFlight: "conflict" | "wait" = "conflict",
): Promise<{ replay: null } | { replay: { status: number; response: unknown } }> {
  // Another transaction holding this key means the same request is still in flight. The REST API
  // says so at once (409); "wait" queues behind it and then replays its answer (the portal's double
  // click). The lock is released when that transaction ends.
  const lockKey = `idem:${claim.userId}:${claim.key}`;
  if (onInFlight === "wait") {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
  }
  const lock = onInFlight === "wait"
    ? { ok: true }
    : await firstRow(tx, sql`select pg_try_advisory_xact_lock(hashtextextended(${lockKey}, 0)) as ok`, (r) => ({ ok: bool(r.ok) }));
  if (!lock?.ok) {
    throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment");
  }
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)))
    .limit(1);
  // Not used yet: the key is written once, with the answer, by completeIdempotencyKey (the advisory
  // lock held until this transaction ends keeps a second request with the key out meanwhile).
  if (!row) return { replay: null };
  if (row.scope !== claim.scope || row.requestHash !== claim.requestHash) {
    throw new AppError("idempotency_mismatch", "This Idempotency-Key was already used with a different request; use a new key for a new request");
  }
  if (row.status === null || row.response === null) {
    throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment");
  }
  return { replay: { status: row.status, response: row.response } };
}

export async function completeIdempotencyKey(tx: Queryable, claim: IdempotencyClaim, status: number, response: unknown) {
  await tx.insert(idempotencyKeys).values({
    userId: claim.userId, key: claim.key, scope: claim.scope, requestHash: claim.requestHash, status, response: response as never, completedAt: sql`now()`,
  });
}
