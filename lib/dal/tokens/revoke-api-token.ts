/**
 * `revokeApiToken(db, viewer, id)` → `ApiTokenSummary` (with `revokedAt` set)
 * Revokes one of the viewer's OWN tokens; it stops working at once. Another user's token id, or
 * no such token, is 404 (never revealing that it exists). Revoking twice keeps the first time.
 * Signed-in sessions only (403 with a token). Audited as `token.revoke`.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { apiTokens } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { tokenIdSchema } from "@/lib/validation/tokens";
import { recordAudit } from "../audit/record-audit";
import type { ApiTokenSummary } from "./list-api-tokens";
import { requireSession } from "./require-session";

export async function revokeApiToken(db: Queryable, viewer: Viewer, id: string): Promise<ApiTokenSummary> {
  requireSession(viewer);
  if (!tokenIdSchema.safeParse(id).success) throw notFound("No such token");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, viewer.userId)))
      .returning({
        id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt,
      });
    if (!row) throw notFound("No such token");
    await recordAudit(tx, viewer, "token.revoke", { distributorId: viewer.distributorId, subject: row.id, data: { name: row.name, prefix: row.prefix } });
    return {
      id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null, revokedAt: row.revokedAt?.toISOString() ?? null, active: false,
    };
  });
}
