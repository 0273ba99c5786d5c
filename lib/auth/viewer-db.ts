import "server-only";
import { getDb } from "@/db/client";
import type { Tx } from "@/db/open";
import { AUTH, SYSTEM, withDbContext, type DbContext } from "@/db/rls";
import type { Viewer } from "./viewer";

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
  return withDbContext(await getDb(), viewerContext(viewer), fn);
}

/** Before there is a viewer (sign-in, session and token resolution): users, distributors, tokens. */
export async function withAuthDb<T>(fn: (db: Tx) => Promise<T>): Promise<T> {
  return withDbContext(await getDb(), AUTH, fn);
}

/** Work on behalf of the system (the admin page's "run the reminder job now"). */
export async function withSystemDb<T>(fn: (db: Tx) => Promise<T>): Promise<T> {
  return withDbContext(await getDb(), SYSTEM, fn);
}
