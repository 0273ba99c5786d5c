import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { users } from "@/db/schema";
import { dummyHash, verifyPassword } from "@/lib/auth/password";

export interface StoredCredentials {
  userId: string;
  hash: string;
  active: boolean;
  sessionVersion: number;
}

/** The stored hash for an e-mail (a short read: the slow verification runs outside any transaction). */
export async function findCredentials(db: Queryable, email: string): Promise<StoredCredentials | null> {
  const [user] = await db
    .select({ userId: users.id, hash: users.passwordHash, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return user ?? null;
}

/**
 * Verifies a password against what `findCredentials` found. An unknown e-mail still runs one scrypt
 * verification, so the two failures take the same time and give the same answer.
 */
export async function verifyCredentials(found: StoredCredentials | null, password: string): Promise<{ userId: string; sessionVersion: number } | null> {
  const ok = await verifyPassword(password, found?.hash ?? (await dummyHash()));
  if (!found || !ok || !found.active) return null;
  return { userId: found.userId, sessionVersion: found.sessionVersion };
}

/** Both steps at once (scripts and tests). */
export async function checkCredentials(db: Queryable, email: string, password: string) {
  return verifyCredentials(await findCredentials(db, email), password);
}
