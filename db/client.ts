import "server-only";
import path from "node:path";
import { env, replicaConfigured } from "@/lib/config/env";
import { openDatabase, type Database } from "./open";

declare global {
  var __sellthruDb: Promise<Database> | undefined;
  var __sellthruReplica: Promise<Database | null> | undefined;
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
        ? { kind: "postgres", url: e.DATABASE_URL, pool: e.SELLTHRU_DB_POOL, prepare: e.SELLTHRU_DB_PREPARE }
        : { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.SELLTHRU_DATA_DIR, "pglite") },
      { migrationUrl: e.SELLTHRU_MIGRATION_URL },
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

/**
 * The read replica's pool (a hot standby of DATABASE_URL: never migrated from here, read-only), or
 * null when none is configured. A replica that cannot be reached is retried on the next call.
 */
export function getReplicaDatabase(): Promise<Database | null> {
  if (!replicaConfigured()) return Promise.resolve(null);
  if (!globalThis.__sellthruReplica) {
    const e = env();
    const started = openDatabase({ kind: "postgres", url: e.DATABASE_REPLICA_URL!, pool: e.SELLTHRU_DB_POOL, prepare: e.SELLTHRU_DB_PREPARE }, { migrate: false });
    globalThis.__sellthruReplica = started;
    started.catch(() => {
      if (globalThis.__sellthruReplica === started) globalThis.__sellthruReplica = undefined;
    });
  }
  return globalThis.__sellthruReplica;
}
