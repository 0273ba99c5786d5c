import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { exceptionEvents } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import type { ExceptionReason, ExceptionStatus } from "@/lib/validation/exceptions";
import { requireRole } from "../authorize";
import { balanceRow } from "../ledger/balance-row";
import type { LedgerBalance } from "@/lib/domain/ledger";
import { bool, firstRow, num, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";

/** Roles that work exceptions (open, change, propose, approve); other staff read them. */
export const EXCEPTION_WORKERS = ["channel_manager"] as const;
export function requireExceptionWorker(viewer: Viewer) {
  requireRole(viewer, EXCEPTION_WORKERS);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === "string" && UUID.test(s);

/** A timestamptz column as an ISO 8601 string in UTC, the same from PGlite and postgres.js. */
export const iso = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface ExceptionCore {
  id: string;
  distributorId: number;
  distributorCode: string;
  distributorName: string;
  productId: number;
  sku: string;
  description: string;
  period: string;
  status: ExceptionStatus;
  reason: ExceptionReason | null;
  ownerId: string | null;
}

const exceptionCoreRow: RowMapper<ExceptionCore> = (r) => ({
  id: str(r.id), distributorId: num(r.distributor_id), distributorCode: str(r.code), distributorName: str(r.name),
  productId: num(r.product_id), sku: str(r.sku), description: str(r.description), period: str(r.period),
  status: str(r.status) as ExceptionStatus, reason: strOrNull(r.reason) as ExceptionReason | null, ownerId: strOrNull(r.owner_id),
});

/**
 * The exception a viewer may see, or 404: staff see all, a distributor only its own (another
 * tenant's id is a 404, the same as an id that does not exist). `lock` takes a row lock for a change.
 */
export async function loadException(db: Queryable, viewer: Viewer, id: string, lock = false): Promise<ExceptionCore> {
  if (!isUuid(id)) throw notFound("No such exception");
  const tenant = viewer.role === "distributor" ? sql`and e.distributor_id = ${viewer.distributorId ?? -1}` : sql``;
  const row = await firstRow(
    db,
    sql`
      select e.id, e.distributor_id, d.code, d.name, e.product_id, p.sku, p.description, to_char(e.period, 'YYYY-MM') as period,
             e.status::text as status, e.reason::text as reason, e.owner_id
        from exceptions e join distributors d on d.id = e.distributor_id join products p on p.id = e.product_id
       where e.id = ${id}::uuid ${tenant}
       ${lock ? sql`for update of e` : sql``}`,
    exceptionCoreRow,
  );
  if (!row) throw notFound("No such exception");
  return row;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
}

const staffUserRow: RowMapper<StaffUser> = (r) => ({ id: str(r.id), email: str(r.email), name: str(r.name) });

/** Active staff who may own exceptions (channel managers and admins), for owner pickers. */
export async function listAssignableStaff(db: Queryable): Promise<StaffUser[]> {
  return rows(db, sql`select id, email, name from users where active and role in ('channel_manager', 'admin') order by name, email`, staffUserRow);
}

/**
 * An owner given as a user id, an e-mail or "me" → that active staff user's id (null unassigns).
 * Anything else is a 400 on `path`.
 */
export async function resolveOwner(db: Queryable, viewer: Viewer, owner: string | null, path = "owner"): Promise<StaffUser | null> {
  if (owner === null) return null;
  const key: string = owner.trim();
  const lower = key.toLowerCase();
  const where = lower === "me" ? sql`id = ${viewer.userId}::uuid` : isUuid(key) ? sql`id = ${key}::uuid` : sql`lower(email) = ${lower}`;
  const u = await firstRow(db, sql`select id, email, name, role::text as role, active from users where ${where} limit 1`, (r) => ({
    ...staffUserRow(r), role: str(r.role), active: bool(r.active),
  }));
  if (!u || !u.active || u.role === "distributor" || u.role === "rebate_analyst") {
    throw validationFailed("The owner must be an active channel manager or admin", [{ path, message: `No active channel manager or admin ${key}` }]);
  }
  return { id: u.id, email: u.email, name: u.name };
}

export async function appendEvent(
  db: Queryable,
  e: { exceptionId: string; kind: string; authorId: string | null; body?: string | null; data?: Record<string, unknown> | null },
) {
  await db.insert(exceptionEvents).values({
    exceptionId: e.exceptionId, kind: e.kind, authorId: e.authorId, body: e.body ?? null, data: (e.data ?? null) as never,
    // clock_timestamp, not now(): several events of one transaction keep their order.
    createdAt: sql`clock_timestamp()`,
  });
}

/** Every change to an exception (status, reason, owner, a note, a correction) moves its version on: the ETag a PATCH is checked against. */
export async function touchException(db: Queryable, id: string) {
  await db.execute(sql`update exceptions set updated_at = now(), version = version + 1 where id = ${id}::uuid`);
}

/** The exception's current version (its ETag). */
export async function exceptionVersion(db: Queryable, id: string): Promise<number> {
  return (await firstRow(db, sql`select version from exceptions where id = ${id}::uuid`, (r) => num(r.version))) ?? 0;
}

export const conflict = (message: string) => new AppError("conflict", message);

/** The ledger row of a distributor × product × period, as it stands now. */
export type LedgerNow = LedgerBalance;

export async function ledgerNow(db: Queryable, distributorId: number, productId: number, period: string): Promise<LedgerNow | null> {
  const r = await firstRow(
    db,
    sql`
      select opening, sell_in, sell_through, returns, adjustments, calculated, reported, gap, gap_pct::float8 as gap_pct
        from ledger_balances where distributor_id = ${distributorId} and product_id = ${productId} and period = ${period + "-01"}::date`,
    balanceRow,
  );
  return r ?? null;
}

/**
 * The automatic-exception rule over a `ledger_balances l` row, one place for both writers (the
 * write-time sync and the explicit sweep): out of tolerance when |gap| or |gap %| reaches the
 * settings' thresholds, and the reason text stored in `exceptions.automatic`.
 */
export function automaticRule(units: number, pct: number): { outOfTolerance: SQL; reason: SQL } {
  return {
    outOfTolerance: sql`(l.gap is not null and l.gap <> 0 and (abs(l.gap) >= ${units}::int or abs(l.gap_pct) >= ${pct}::int))`,
    reason: sql`concat_ws('; ',
      case when abs(l.gap) >= ${units}::int then '|gap| ' || abs(l.gap) || ' ≥ ' || ${units}::int || ' units' end,
      case when abs(l.gap_pct) >= ${pct}::int then '|gap %| ' || abs(l.gap_pct) || ' ≥ ' || ${pct}::int end)`,
  };
}
