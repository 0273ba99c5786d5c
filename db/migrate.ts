import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./open";

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** Applies the generated SQL migrations; an advisory lock keeps several app instances from racing. */
export async function runMigrations(database: Database, folder = MIGRATIONS_FOLDER) {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    return;
  }
  // One dedicated connection, so the session-level advisory lock and the migration share it.
  const { default: postgres } = await import("postgres");
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(727001)`);
    try {
      await migratePg(db, { migrationsFolder: folder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(727001)`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
