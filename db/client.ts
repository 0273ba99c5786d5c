import "server-only";
import path from "node:path";
import { env } from "@/lib/config/env";
import { openDatabase, type Database } from "./open";

declare global {
  var __sellthruDb: Promise<Database> | undefined;
}

/**
 * The app's one database: postgres.js when DATABASE_URL is set, otherwise PGlite in SELLTHRU_DATA_DIR.
 * Created once per process; a failed start-up is forgotten so the next request retries.
 */
export function getDatabase(): Promise<Database> {
  if (!globalThis.__sellthruDb) {
    const e = env();
    const started = openDatabase(
      e.DATABASE_URL
        ? { kind: "postgres", url: e.DATABASE_URL, pool: e.SELLTHRU_DB_POOL }
        : { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.SELLTHRU_DATA_DIR, "pglite") },
      { seedDemoWhenEmpty: !e.DATABASE_URL && e.SELLTHRU_SEED_DEMO === "auto", migrationUrl: e.SELLTHRU_MIGRATION_URL },
    );
    globalThis.__sellthruDb = started;
    started.catch(() => {
      if (globalThis.__sellthruDb === started) globalThis.__sellthruDb = undefined;
    });
  }
  return globalThis.__sellthruDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}

export type { Database, Db, Tx } from "./open";
