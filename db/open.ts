import { drizzle as drizzlePg } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { runMigrations } from "./migrate";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run queries: the database or a transaction. */
export type Queryable = Db | Tx;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; pool?: number }
  | { kind: "pglite"; dataDir?: string /* undefined = in memory */ };

export interface Database {
  kind: "postgres" | "pglite";
  db: Db;
  /** The connection URL (postgres only). */
  url?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrate?: boolean;
  seedDemoWhenEmpty?: boolean;
}

export async function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Promise<Database> {
  let database: Database;
  if (target.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const client = postgres(target.url, {
      max: target.pool ?? 10,
      onnotice: () => {},
      connection: { application_name: "sellthru" },
    });
    database = {
      kind: "postgres",
      url: target.url,
      db: drizzlePg(client, { schema }) as unknown as Db,
      close: () => client.end({ timeout: 5 }),
    };
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    if (target.dataDir) {
      const fs = await import("node:fs/promises");
      await fs.mkdir(target.dataDir, { recursive: true });
    }
    const client = await PGlite.create(target.dataDir);
    database = {
      kind: "pglite",
      db: drizzlePglite(client, { schema }) as unknown as Db,
      close: () => client.close(),
    };
  }
  if (opts.migrate !== false) await runMigrations(database);
  if (opts.seedDemoWhenEmpty) {
    const { seedDemoIfEmpty } = await import("./seed/seed-demo");
    await seedDemoIfEmpty(database.db);
  }
  return database;
}
