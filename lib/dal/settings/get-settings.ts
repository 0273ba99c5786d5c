import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { settings } from "@/db/schema";
import { env } from "@/lib/config/env";

export type Settings = typeof settings.$inferSelect;

/** The manufacturer's settings; the row is created on first use from the environment's defaults. */
export async function getSettings(db: Queryable): Promise<Settings> {
  const [row] = await db.select().from(settings).limit(1);
  if (row) return row;
  const e = env();
  const [created] = await db
    .insert(settings)
    .values({ id: 1, timeZone: e.SELLTHRU_TIME_ZONE ?? "UTC", dueDay: e.SELLTHRU_DUE_DAY ?? 10 })
    .onConflictDoUpdate({ target: settings.id, set: { id: sql`excluded.id` } })
    .returning();
  return created!;
}
