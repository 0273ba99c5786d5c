import { withDbContext, SYSTEM } from "@/db/rls";
import type { Database } from "@/db/open";
import { env } from "@/lib/config/env";
import { seedDemoIfEmpty } from "./seed-demo";

/**
 * The quick start's demo: an embedded database that is still empty gets the demo data when the
 * server starts (instrumentation.ts), unless SELLTHRU_SEED_DEMO=never. A Postgres named by
 * DATABASE_URL is never seeded here (`npm run db:seed -- --demo` does that on purpose).
 */
export async function seedDemoOnStart(database: Database): Promise<boolean> {
  const e = env();
  if (e.DATABASE_URL || e.SELLTHRU_SEED_DEMO !== "auto") return false;
  return withDbContext(database.db, SYSTEM, (tx) => seedDemoIfEmpty(tx));
}
