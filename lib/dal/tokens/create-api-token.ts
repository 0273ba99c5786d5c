/**
 * `createApiToken(db, viewer, { name })` → `{ id, name, prefix, secret, createdAt }`
 * A bearer token for `Authorization: Bearer <secret>` that acts as this user (a distributor's token
 * acts for that distributor only). The secret is returned once and stored only as its sha256.
 * Signed-in sessions only: a token cannot mint tokens (403). At most `MAX_ACTIVE_TOKENS` active
 * tokens per user (409). Audited as `token.create`.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import { ZodError } from "zod";
import type { Queryable } from "@/db/open";
import { apiTokens } from "@/db/schema";
import { newApiToken } from "@/lib/auth/api-token";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { createTokenSchema, MAX_ACTIVE_TOKENS, type CreateTokenInput } from "@/lib/validation/tokens";
import { recordAudit } from "../audit/record-audit";
import { zodIssuesOf } from "../submissions/issues";
import { requireSession } from "./require-session";

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  /** Shown once; never stored. */
  secret: string;
  createdAt: string;
}

export async function createApiToken(db: Queryable, viewer: Viewer, input: CreateTokenInput): Promise<CreatedApiToken> {
  requireSession(viewer);
  let name: string;
  try {
    name = createTokenSchema.parse(input).name;
  } catch (e) {
    if (e instanceof ZodError) throw new AppError("validation_failed", e.issues[0]?.message ?? "Invalid token", zodIssuesOf(e));
    throw e;
  }
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, viewer.userId), isNull(apiTokens.revokedAt)));
    if (Number(n) >= MAX_ACTIVE_TOKENS) {
      throw new AppError("conflict", `You have ${MAX_ACTIVE_TOKENS} active tokens; revoke one before creating another`);
    }
    const token = newApiToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: viewer.userId, name, tokenHash: token.hash, prefix: token.prefix })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
    await recordAudit(tx, viewer, "token.create", {
      distributorId: viewer.distributorId,
      subject: row!.id,
      data: { name, prefix: token.prefix },
    });
    return { id: row!.id, name: row!.name, prefix: row!.prefix, secret: token.secret, createdAt: row!.createdAt.toISOString() };
  });
}
