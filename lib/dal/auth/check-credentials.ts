import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { users } from "@/db/schema";
import { dummyHash, verifyPassword } from "@/lib/auth/password";

/**
 * Verifies an e-mail and password. An unknown e-mail still runs one scrypt verification, so the two
 * failures take the same time and give the same answer.
 */
export async function checkCredentials(db: Queryable, email: string, password: string): Promise<{ userId: string } | null> {
  const [user] = await db
    .select({ id: users.id, hash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(password, user?.hash ?? (await dummyHash()));
  if (!user || !ok || !user.active) return null;
  return { userId: user.id };
}
