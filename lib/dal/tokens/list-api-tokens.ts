/**
 * `listApiTokens(db, viewer)` → `ApiTokenSummary[]`: the viewer's own tokens, newest first, active
 * and revoked: `{ id, name, prefix, createdAt, lastUsedAt, revokedAt, active }` (never the secret
 * or its hash). Signed-in sessions only (403 with a token).
 */
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { apiTokens } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { requireSession } from "./require-session";

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

export async function listApiTokens(db: Queryable, viewer: Viewer): Promise<ApiTokenSummary[]> {
  requireSession(viewer);
  const rows = await db
    .select({
      id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, viewer.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    active: r.revokedAt === null,
  }));
}
