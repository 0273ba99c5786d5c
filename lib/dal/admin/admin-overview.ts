import { count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { auditLog, distributors, movements, outbox, products, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { requireRole } from "../authorize";

export interface AdminOverview {
  sellInLines: number;
  lastSellInLoad: string | null;
  /** Null for a channel manager: those screens are for admins. */
  distributors: number | null;
  products: number | null;
  activeUsers: number | null;
  users: number | null;
  auditEntries: number | null;
  outboxPending: number | null;
}

const one = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);

/** The counts on the data admin index. Admins see everything; channel managers the sell-in figures. */
export async function adminOverview(db: Queryable, viewer: Viewer): Promise<AdminOverview> {
  requireRole(viewer, ["admin", "channel_manager"]);
  const sellInLines = await one(db.select({ n: count() }).from(movements).where(eq(movements.type, "sell_in")));
  const [last] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(eq(auditLog.action, "sell_in.load"))
    .orderBy(desc(auditLog.at))
    .limit(1);
  const base = { sellInLines, lastSellInLoad: last?.at.toISOString() ?? null };
  if (viewer.role !== "admin") {
    return { ...base, distributors: null, products: null, activeUsers: null, users: null, auditEntries: null, outboxPending: null };
  }
  const [u] = await db
    .select({ total: count(), active: sql<number>`count(*) filter (where ${users.active})`.mapWith(Number) })
    .from(users);
  return {
    ...base,
    distributors: await one(db.select({ n: count() }).from(distributors)),
    products: await one(db.select({ n: count() }).from(products)),
    users: Number(u?.total ?? 0),
    activeUsers: Number(u?.active ?? 0),
    auditEntries: await one(db.select({ n: count() }).from(auditLog)),
    outboxPending: await one(db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt))),
  };
}
