/**
 * Row-level security context (migration 0005_rls, README "Row-level security").
 *
 * On Postgres the app's queries run as the role `sellthru_app`, which neither owns the tables nor
 * bypasses RLS. The policies read three transaction-local settings: who is asking
 * (`sellthru.role`), for which distributor (`sellthru.distributor_id`) and as which user
 * (`sellthru.user_id`). No setting means nobody: no tenant rows. PGlite runs as its superuser, so
 * the policies do not apply there; the data layer's own checks are the only wall.
 */
import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "./open";
import { firstRow, str } from "./sql-rows";

/** The database role the app's pool switches to (a startup parameter of every connection). */
export const APP_ROLE = "sellthru_app";

export type DbRole = "distributor" | "channel_manager" | "rebate_analyst" | "admin" | "system" | "auth";

export interface DbContext {
  role: DbRole;
  distributorId?: number | null;
  userId?: string | null;
}

/** Jobs, seeds, benchmarks and cross-tenant maintenance: every row. */
export const SYSTEM: DbContext = { role: "system" };
/** Sign-in and viewer resolution, before there is a viewer: users, distributors and tokens only. */
export const AUTH: DbContext = { role: "auth" };

/**
 * Runs a unit of work in a transaction of its own carrying the viewer: what a streamed response
 * uses for each page it reads after the request's own transaction has ended.
 */
export type DbRunner = <T>(fn: (db: Queryable) => Promise<T>) => Promise<T>;

/** A runner over a handle that needs none (a test's database, a job's system connection). */
export const runnerOf = (db: Queryable | DbRunner): DbRunner =>
  typeof db === "function" ? db : <T>(fn: (q: Queryable) => Promise<T>) => fn(db);

/** Sets the context for the rest of the current transaction (`set_config(…, true)`). */
export async function setDbContext(q: Queryable, ctx: DbContext): Promise<void> {
  await q.execute(sql`select
    set_config('sellthru.role', ${ctx.role}, true),
    set_config('sellthru.distributor_id', ${ctx.distributorId == null ? "" : String(ctx.distributorId)}, true),
    set_config('sellthru.user_id', ${ctx.userId ?? ""}, true)`);
}

/** Runs `fn` in a transaction (a savepoint when `q` already is one) whose queries carry `ctx`. */
export async function withDbContext<T>(q: Queryable, ctx: DbContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return q.transaction(async (tx) => {
    await setDbContext(tx, ctx);
    return fn(tx as Tx);
  });
}

/**
 * Work that is about every distributor by nature (carrying the whole ledger forward to a new month)
 * but may be started by any viewer's request: runs as `system`, then puts the caller's context back.
 * On an error the savepoint rolls back, which restores the settings by itself.
 */
export async function asSystem<T>(q: Queryable, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return q.transaction(async (tx) => {
    const prev = await firstRow(tx, sql`select
      coalesce(current_setting('sellthru.role', true), '') as role,
      coalesce(current_setting('sellthru.distributor_id', true), '') as distributor_id,
      coalesce(current_setting('sellthru.user_id', true), '') as user_id`, (r) => ({ role: str(r.role), distributor_id: str(r.distributor_id), user_id: str(r.user_id) }));
    await setDbContext(tx, SYSTEM);
    const result = await fn(tx as Tx);
    const p = prev ?? { role: "", distributor_id: "", user_id: "" };
    await tx.execute(sql`select
      set_config('sellthru.role', ${p.role}, true),
      set_config('sellthru.distributor_id', ${p.distributor_id}, true),
      set_config('sellthru.user_id', ${p.user_id}, true)`);
    return result;
  });
}
