import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { signInAttempts } from "@/db/schema";

/** Failed attempts allowed per window, per account and per address, before sign-in pauses. */
export const THROTTLE = { perAccount: 5, perIp: 20, windowMinutes: 15 } as const;

export async function isThrottled(db: Queryable, email: string, ip: string | null): Promise<boolean> {
  const since = sql`now() - make_interval(mins => ${THROTTLE.windowMinutes})`;
  const [row] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${signInAttempts.email} = ${email})`.mapWith(Number),
      byIp: ip ? sql<number>`count(*) filter (where ${signInAttempts.ip} = ${ip})`.mapWith(Number) : sql<number>`0`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(and(gt(signInAttempts.at, since), ip ? or(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)) : eq(signInAttempts.email, email)));
  return (row?.byAccount ?? 0) >= THROTTLE.perAccount || (row?.byIp ?? 0) >= THROTTLE.perIp;
}

export async function recordFailedSignIn(db: Queryable, email: string, ip: string | null) {
  await db.insert(signInAttempts).values({ email, ip });
}
