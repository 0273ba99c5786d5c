import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { runMigrations } from "./migrate";
import { APP_ROLE, SYSTEM, withDbContext } from "./rls";
import { assertPostgresPatched } from "./postgres-patch";

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
  /**
   * Postgres only: how the pool's connections act (README "Row-level security").
   * - "app" (default): as the role sellthru_app with no context: every request must set its viewer
   *   (db/rls.ts `withDbContext`), and a query that does not sees no tenant rows.
   * - "system": as sellthru_app with `sellthru.role = system` for the session: jobs, seeds, tests.
   * - "owner": as the URL's user itself (the tables' owner, so RLS does not apply): administration.
   */
  connectAs?: "app" | "system" | "owner";
}

export async function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Promise<Database> {
  let database: Database;
  if (target.kind === "postgres") {
    assertPostgresPatched();
    const { default: postgres } = await import("postgres");
    const connectAs = opts.connectAs ?? "app";
    // Startup parameters: the role (and for "system" the context) hold for the connection's whole
    // life, and RESET ROLE returns to them, so nothing on the pool ever runs as the owner.
    const connection: Record<string, string> = { application_name: "sellthru" };
    if (connectAs !== "owner") connection.role = APP_ROLE;
    if (connectAs === "system") connection["sellthru.role"] = "system";
    // JIT compilation costs 200-600 ms on the submit page's one big query and buys nothing on
    // queries of this size; the RLS quals raise the estimates past jit_above_cost more often.
    if (connectAs !== "owner") connection.jit = "off";
    const client = postgres(target.url, { max: target.pool ?? 10, onnotice: () => {}, connection });
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
  if (database.kind === "postgres" && opts.connectAs !== "owner") await assertAppRole(database);
  if (opts.seedDemoWhenEmpty) {
    const { seedDemoIfEmpty } = await import("./seed/seed-demo");
    await withDbContext(database.db, SYSTEM, (tx) => seedDemoIfEmpty(tx));
  }
  return database;
}

/**
 * The pool must act as sellthru_app. If the URL's user may not switch to it (not a member, or the
 * role was never created), stop with a message that says what to do, rather than carry on without
 * the second wall.
 */
async function assertAppRole(database: Database) {
  try {
    await database.db.execute(sql`select 1`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "42501" || code === "22023" || code === "42704") {
      const user = decodeURIComponent(new URL(database.url!).username || "postgres");
      await database.close().catch(() => {});
      throw new Error(
        `The database user "${user}" cannot act as the role ${APP_ROLE} (${(error as Error).message}). ` +
          `Apply the migrations as the tables' owner, and as a superuser run: GRANT ${APP_ROLE} TO "${user}";`,
      );
    }
    await database.close().catch(() => {});
    throw error;
  }
}
