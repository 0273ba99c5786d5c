/**
 * Sessions are JWTs (next-auth): nothing server-side to delete. Each carries the user's session
 * version from when it was signed in, and every request compares it with `users.session_version`
 * (`loadViewerByUserId`). Bumping the version ends every session of that user at once — on sign-out,
 * a password reset or change, and deactivation — and reactivation does not lower it again, so old
 * cookies stay dead. Deactivation also revokes the user's API tokens for good.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { apiTokens, users } from "@/db/schema";

/**
 * Ends every session of `userId`. With `ifVersion`, only while the version is still that one (a
 * sign-out with an already-ended session changes nothing). Returns whether the version moved.
 */
export async function endSessions(db: Queryable, userId: string, ifVersion?: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(ifVersion === undefined ? eq(users.id, userId) : and(eq(users.id, userId), eq(users.sessionVersion, ifVersion)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Deactivation: every session ended and every API token revoked (reactivating brings none of them back). */
export async function endSessionsAndTokens(db: Queryable, userId: string): Promise<void> {
  await endSessions(db, userId);
  await db.update(apiTokens).set({ revokedAt: sql`now()` }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}
