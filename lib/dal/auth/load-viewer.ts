import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { apiTokens, distributors, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { hashApiToken } from "@/lib/auth/api-token";

const viewerColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  distributorId: users.distributorId,
  distributorCode: distributors.code,
  distributorName: distributors.name,
  distributorActive: distributors.active,
  locale: users.locale,
  timeZone: users.timeZone,
};

type Row = { active: boolean; distributorActive: boolean | null } & Omit<Viewer, "via">;

function toViewer(row: Row | undefined, via: Viewer["via"]): Viewer | null {
  if (!row || !row.active) return null;
  if (row.role === "distributor" && !row.distributorActive) return null;
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    distributorId: row.distributorId,
    distributorCode: row.distributorCode,
    distributorName: row.distributorName,
    via,
    locale: row.locale ?? null,
    timeZone: row.timeZone ?? null,
  };
}

/**
 * The user behind a session, re-read on every request so deactivation takes effect at once. The
 * session's version must still be the user's (`end-sessions.ts`): a signed-out, reset or
 * deactivated session — or one from before versions existed — is nobody.
 */
export async function loadViewerByUserId(db: Queryable, userId: string, sessionVersion: unknown): Promise<Viewer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId) || !Number.isInteger(sessionVersion)) return null;
  const [row] = await db
    .select(viewerColumns)
    .from(users)
    .leftJoin(distributors, eq(distributors.id, users.distributorId))
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion as number)))
    .limit(1);
  return toViewer(row, "session");
}

/** The user behind an API token; revoked tokens and deactivated users resolve to nobody. */
export async function loadViewerByToken(db: Queryable, secret: string): Promise<Viewer | null> {
  const hash = hashApiToken(secret);
  const [row] = await db
    .select({ ...viewerColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(distributors, eq(distributors.id, users.distributorId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
    .limit(1);
  const viewer = toViewer(row, "token");
  // last_used_at at most once a minute, and never waiting: a concurrent request holding the row skips it.
  if (viewer && row && (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)) {
    await db.execute(sql`update api_tokens set last_used_at = now()
      where id = (select id from api_tokens where id = ${row.tokenId} and (last_used_at is null or last_used_at < now() - interval '1 minute') for update skip locked)`);
  }
  return viewer;
}
