import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { assertMigrated, runMigrations } from "./migrate";
import { APP_ROLE } from "./rls";
import { assertPostgresPatched } from "./postgres-patch";
import { preparing } from "./prepared-statements";
import { bool, mapRows, strOrNull } from "./sql-rows";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run queries: the database or a transaction. */
export type Queryable = Db | Tx;

export type DatabaseTarget =
  /** `prepare: false` keeps every statement unnamed (a pooler in transaction mode: SELLTHRU_DB_PREPARE). */
  | { kind: "postgres"; url: string; pool?: number; prepare?: boolean }
  /** `dataDir` undefined = in memory; `loadDataDir`: start from a dump (`dumpDataDir`) of a database. */
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob };

export interface Database {
  kind: "postgres" | "pglite";
  db: Db;
  /** The connection URL (postgres only). */
  url?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrate?: boolean;
  /**
   * Postgres only: how the pool's connections act (README "Row-level security").
   * - "app" (default): as the role sellthru_app with no context: every request must set its viewer
   *   (db/rls.ts `withDbContext`), and a query that does not sees no tenant rows.
   * - "system": as sellthru_app with `sellthru.role = system` for the session: jobs, seeds, tests.
   * - "owner": as the URL's user itself (the tables' owner, so RLS does not apply): administration.
   */
  connectAs?: "app" | "system" | "owner";
  /**
   * Postgres: a URL as the tables' owner, through which migrations are applied (the app's
   * SELLTHRU_MIGRATION_URL). Without it an "app" or "system" pool, whose login role may not
   * migrate, only checks that every migration has been applied (`assertMigrated`).
   */
  migrationUrl?: string;
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
    // Prepared statements (db/prepared-statements.ts) are planned anew at each execution: they save
    // the round trip and the parse, not the planning, so a skewed filter never gets a generic plan.
    if (target.prepare !== false) connection.plan_cache_mode = "force_custom_plan";
    const pool = postgres(target.url, { max: target.pool ?? 10, onnotice: () => {}, connection });
    const client = target.prepare === false ? pool : preparing(pool);
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
    const client = await PGlite.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
    database = {
      kind: "pglite",
      db: drizzlePglite(client, { schema }) as unknown as Db,
      close: () => client.close(),
    };
  }
  const asApp = database.kind === "postgres" && opts.connectAs !== "owner";
  if (opts.migrate !== false && (!asApp || opts.migrationUrl)) await runMigrations(database, undefined, opts.migrationUrl);
  if (asApp) {
    await assertAppRole(database);
    if (opts.migrate !== false && !opts.migrationUrl) await assertMigrated(database).catch(async (error) => {
      await database.close().catch(() => {});
      throw error;
    });
  }
  return database;
}

/**
 * The pool must act as sellthru_app, and its login role must not be able to leave it: a superuser, a
 * role with BYPASSRLS, or a member of the tables' owner could `RESET ROLE` / `SET ROLE` past
 * row-level security (README, Security). If either fails, stop with a message that says what to do,
 * rather than carry on without the second wall.
 */
async function assertAppRole(database: Database) {
  const user = decodeURIComponent(new URL(database.url!).username || "postgres");
  const stop = async (message: string) => {
    await database.close().catch(() => {});
    throw new Error(message);
  };
  let row: { superuser: boolean; bypass: boolean; owners: string | null } | undefined;
  try {
    const res = await database.db.execute(sql`
      select r.rolsuper as superuser,
             exists (select 1 from pg_roles b where b.rolbypassrls and pg_has_role(session_user, b.oid, 'MEMBER')) as bypass,
             (select string_agg(distinct pg_get_userbyid(c.relowner), ', ')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(session_user, c.relowner, 'MEMBER')) as owners
        from pg_roles r where r.rolname = session_user`);
    row = mapRows(res, (r) => ({ superuser: bool(r.superuser), bypass: bool(r.bypass), owners: strOrNull(r.owners) }))[0];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "42501" || code === "22023" || code === "42704") {
      await stop(
        `The database user "${user}" cannot act as the role ${APP_ROLE} (${(error as Error).message}). ` +
          `Apply the migrations as the tables' owner, and as a superuser run: GRANT ${APP_ROLE} TO "${user}";`,
      );
    }
    await stop((error as Error).message);
  }
  const why = row?.superuser ? "is a superuser" : row?.bypass ? "may bypass row-level security (BYPASSRLS)" : row?.owners ? `owns the tables (or may act as their owner ${row.owners})` : null;
  if (why) {
    await stop(
      `The database user "${user}" ${why}: a query could RESET ROLE or SET ROLE past row-level security. ` +
        `Connect the app as a login role that is neither owner nor superuser — as a superuser run: ` +
        `CREATE ROLE sellthru_web LOGIN PASSWORD '…' IN ROLE ${APP_ROLE}; — set DATABASE_URL to that role ` +
        `and SELLTHRU_MIGRATION_URL to the tables' owner (README, Configuration).`,
    );
  }
}
