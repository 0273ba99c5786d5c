import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./open";
import { firstRow, numOrNull } from "./sql-rows";

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Applies the generated SQL migrations; an advisory lock keeps several app instances from racing.
 * On Postgres through `url` (default: the database's own), which must be the tables' owner. The
 * connection runs as `sellthru.role = system`: tenant tables force row-level security (0009), so a
 * data migration run by an owner that is not a superuser still sees every row.
 */
export async function runMigrations(database: Database, folder = MIGRATIONS_FOLDER, url = database.url) {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    return;
  }
  // One dedicated connection, so the session-level advisory lock and the migration share it.
  const { default: postgres } = await import("postgres");
  const client = postgres(url!, { max: 1, onnotice: () => {}, connection: { "sellthru.role": "system" } });
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

/**
 * For a pool whose login role may not migrate (the app without SELLTHRU_MIGRATION_URL): every
 * migration in `folder` must already be applied, else stop and say how to apply them.
 */
export async function assertMigrated(database: Database, folder = MIGRATIONS_FOLDER) {
  const journal = JSON.parse(await fs.readFile(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { when: number; tag: string }[] };
  const latest = journal.entries.reduce((a, e) => (e.when > a.when ? e : a));
  let applied: number | null = null;
  try {
    const row = await firstRow(database.db, sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`, (r) => ({ at: numOrNull(r.at) }));
    applied = row?.at ?? null;
  } catch {
    applied = null; // no migrations table, or one this role may not read (a database from before 0009)
  }
  if (applied === null || applied < latest.when) {
    throw new Error(
      `The database schema is not current (the latest migration ${latest.tag} is not applied), and this database user may not migrate. ` +
        `Set SELLTHRU_MIGRATION_URL to the tables' owner (the app then migrates at start-up), or run: SELLTHRU_MIGRATION_URL=… npm run db:migrate`,
    );
  }
}
