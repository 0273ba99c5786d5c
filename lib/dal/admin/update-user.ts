import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/open";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { hashPassword } from "@/lib/auth/password";
import { AppError, StaleVersion, notFound } from "@/lib/errors";
import type { updateUserSchema } from "@/lib/validation/admin";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { endSessions, endSessionsAndTokens } from "../auth/end-sessions";

/**
 * Deactivation takes effect at once: every request re-reads the user (sessions and tokens alike);
 * it also ends the user's sessions and revokes their API tokens, so reactivating brings neither
 * back. A password reset ends the user's sessions. Who set a role or password, and when, is kept
 * for the two-person rule (lib/dal/corrections). With `expectedVersion` (If-Match, or the version a
 * screen showed) an edit made since is not overwritten: 412 `StaleVersion`, nothing saved.
 */
export async function updateUser(db: Queryable, viewer: Viewer, email: string, input: z.infer<typeof updateUserSchema>, expectedVersion?: number) {
  requireRole(viewer, ["admin"]);
  if (input.active === false && email.toLowerCase() === viewer.email.toLowerCase()) {
    throw new AppError("conflict", "You cannot deactivate your own account");
  }
  const set: Partial<typeof users.$inferInsert> = { version: sql`${users.version} + 1` as unknown as number };
  if (input.name !== undefined) set.name = input.name;
  if (input.role !== undefined) Object.assign(set, { role: input.role, roleSetBy: viewer.userId, roleSetAt: new Date() });
  if (input.active !== undefined) {
    set.active = input.active;
    set.deactivatedAt = input.active ? null : new Date();
  }
  if (input.password !== undefined) {
    Object.assign(set, { passwordHash: await hashPassword(input.password), passwordSetBy: viewer.userId, passwordSetAt: new Date() });
  }
  let row;
  try {
    [row] = await db
      .update(users)
      .set(set)
      .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), expectedVersion === undefined ? undefined : eq(users.version, expectedVersion)))
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, distributorId: users.distributorId, version: users.version });
  } catch {
    throw new AppError("validation_failed", "A distributor user must keep the distributor role, and staff cannot become distributor users");
  }
  if (!row) {
    const current = await getUser(db, viewer, email);
    throw new StaleVersion("This user", current.version);
  }
  if (input.active === false) await endSessionsAndTokens(db, row.id);
  else if (input.password !== undefined) await endSessions(db, row.id);
  await recordAudit(db, viewer, "user.update", {
    distributorId: row.distributorId,
    subject: row.email,
    data: { ...input, password: input.password ? "changed" : undefined },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role, active: row.active, version: row.version };
}

/** One user as the admin API shows it (no hash), with its version; 404 when there is none. */
export async function getUser(db: Queryable, viewer: Viewer, email: string) {
  requireRole(viewer, ["admin"]);
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, version: users.version })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!row) throw notFound(`No user ${email}`);
  return row;
}
