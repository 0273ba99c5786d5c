import "server-only";
import { sql } from "drizzle-orm";
import { getDb, getReplicaDatabase } from "@/db/client";
import { replicaConfigured } from "@/lib/config/env";
import type { Db, Queryable, Tx } from "@/db/open";
import { AUTH, SYSTEM, withDbContext, type DbContext } from "@/db/rls";
import { isDatabaseUnavailable } from "@/lib/errors";
import { bool, firstRow, str } from "@/db/sql-rows";
import { isStaff, type Viewer } from "./viewer";

/** What the database's row-level security is told about a viewer. */
export function viewerContext(viewer: Viewer): DbContext {
  return {
    role: viewer.role,
    distributorId: viewer.role === "distributor" ? viewer.distributorId : null,
    userId: viewer.userId,
  };
}

/**
 * Runs `fn` in one transaction that tells Postgres who is asking (README "Row-level security"):
 * a query in it that forgets its tenant filter still sees only this viewer's rows. Keep `fn` to the
 * data loading or the write; do not hold it open across rendering.
 */
export async function withViewerDb<T>(viewer: Viewer, fn: (db: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  if (!replicaConfigured()) return withDbContext(db, viewerContext(viewer), fn);
  let wrote = false;
  const out = await withDbContext(db, viewerContext(viewer), async (tx) => {
    const r = await fn(tx);
    wrote = await wroteIn(tx);
    return r;
  });
  if (wrote) await noteWrite(db, viewer.userId);
  return out;
}

// ---- Read replicas (README "Several instances and read replicas") ---------------------------------

/**
 * Primary WAL positions just after each user's latest write through THIS instance: that user's
 * replica reads wait for nothing — they go to the primary until the replica has replayed that far
 * (read your own writes). Bounded: the oldest entries go first.
 */
const lastWrite = new Map<string, string>();
const LAST_WRITES_KEPT = 10_000;

/** Did this transaction write anything (an id was assigned to it)? Only asked when a replica is configured. */
export async function wroteIn(tx: Queryable): Promise<boolean> {
  const wrote = await firstRow(tx, sql`select pg_current_xact_id_if_assigned() is not null as wrote`, (r) => bool(r.wrote));
  return !!wrote;
}

/** After a writing transaction committed: remember how far the primary's WAL had come. */
export async function noteWrite(db: Db, userId: string): Promise<void> {
  const lsn = await firstRow(db, sql`select pg_current_wal_lsn()::text as lsn`, (r) => str(r.lsn));
  if (lsn === undefined) return;
  lastWrite.delete(userId);
  lastWrite.set(userId, lsn);
  if (lastWrite.size > LAST_WRITES_KEPT) lastWrite.delete(lastWrite.keys().next().value!);
}

class ReplicaBehind extends Error {}

/**
 * A staff READ path (gaps, channel health, compliance, exports) on the streaming replica when one is
 * configured, in a transaction carrying the viewer for row-level security like any other. The
 * primary serves it instead when the viewer is a distributor, when this user's own latest write has
 * not been replayed on the replica yet, when the replica is unreachable, or when the work turns out
 * to need a write (a read-only transaction refuses it, SQLSTATE 25006).
 */
export async function withViewerReadDb<T>(viewer: Viewer, fn: (db: Tx) => Promise<T>): Promise<T> {
  const replica = isStaff(viewer) && replicaConfigured() ? await getReplicaDatabase().catch(() => null) : null;
  if (!replica) return withViewerDb(viewer, fn);
  const since = lastWrite.get(viewer.userId);
  try {
    return await withDbContext(replica.db, viewerContext(viewer), async (tx) => {
      if (since) {
        const ok = await firstRow(tx, sql`select coalesce(pg_last_wal_replay_lsn() >= ${since}::pg_lsn, true) as ok`, (r) => bool(r.ok));
        if (!ok) throw new ReplicaBehind();
      }
      return fn(tx);
    });
  } catch (e) {
    if (e instanceof ReplicaBehind || isDatabaseUnavailable(e) || sqlState(e) === "25006") return withViewerDb(viewer, fn);
    throw e;
  }
}

function sqlState(e: unknown): string | undefined {
  for (let x = e; x && typeof x === "object"; x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    if (x === (x as { cause?: unknown }).cause) break;
  }
  return undefined;
}

/** Before there is a viewer (sign-in, session and token resolution): users, distributors, tokens. */
export async function withAuthDb<T>(fn: (db: Tx) => Promise<T>): Promise<T> {
  return withDbContext(await getDb(), AUTH, fn);
}

/** Work on behalf of the system (the admin page's "run the reminder job now"). */
export async function withSystemDb<T>(fn: (db: Tx) => Promise<T>): Promise<T> {
  return withDbContext(await getDb(), SYSTEM, fn);
}
