/**
 * Sign-in throttling, decided and recorded in one step (`admitSignIn`): under a transaction-level
 * advisory lock per address and per account, the attempt is counted and written ("pending": it is a
 * failure until the password proves right) before the password is checked, so concurrent guesses
 * cannot all slip past a count that none of them has raised yet. For an account every attempt counts —
 * refused ones too — and `settleSignIn` turns the pending row into a failure, or deletes it on success.
 *
 * Three limits, none of which lets a stranger lock an account at will:
 * - **per address**: {@link THROTTLE.perIp} password checks in the window from one address (the
 *   socket's, or a trusted proxy's report: lib/auth/client-ip.ts) — any account;
 * - **per account, from browsers it has never signed in from**: one check at a time, and after
 *   {@link THROTTLE.perAccount} attempts a back-off that doubles from 30 s to 15 min, counted from the
 *   last failure (a slowdown, not a lockout: no captcha, no admin needed);
 * - **per known browser** (a signed device cookie set at a successful sign-in: lib/auth/known-device.ts):
 *   its own {@link THROTTLE.perDevice} attempts in the window — the account's back-off and the
 *   address limit do not apply, so the owner keeps signing in while someone else hammers the account.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { bool, firstRow, num, numOrNull, type RowMapper } from "@/db/sql-rows";

export const THROTTLE = {
  perIp: 20,
  perAccount: 5,
  perDevice: 5,
  windowMinutes: 15,
  /** Attempts on an account from unknown browsers are counted over this long for the back-off. */
  accountWindowMinutes: 60,
  backoffSeconds: 30,
  maxBackoffSeconds: 15 * 60,
  /** A check still "pending" after this long (a crashed request) no longer blocks the next one. */
  pendingSeconds: 30,
} as const;

export interface SignInAttempt {
  email: string;
  ip: string | null;
  /** The known-device id when the attempt carries a valid device cookie for this account. */
  device: string | null;
}

export type Admission =
  | { ok: true; attemptId: number }
  | { ok: false; retryAfterSeconds: number; reason: "address" | "account" | "device" | "busy" };

/** The back-off after `attempts` attempts on an account from unknown browsers. */
export function backoffSeconds(attempts: number): number {
  if (attempts < THROTTLE.perAccount) return 0;
  return Math.min(THROTTLE.maxBackoffSeconds, THROTTLE.backoffSeconds * 2 ** Math.min(20, attempts - THROTTLE.perAccount));
}

interface Counts {
  by_ip: number;
  ip_first: number | null;
  by_account: number;
  account_busy: boolean;
  since_failure: number | null;
  by_device: number;
  device_first: number | null;
  device_busy: boolean;
}

const countsRow: RowMapper<Counts> = (r) => ({
  by_ip: num(r.by_ip), ip_first: numOrNull(r.ip_first), by_account: num(r.by_account), account_busy: bool(r.account_busy),
  since_failure: numOrNull(r.since_failure), by_device: num(r.by_device), device_first: numOrNull(r.device_first), device_busy: bool(r.device_busy),
});

/** What the limits say now, without recording anything (ages in seconds). */
async function counts(db: Queryable, a: SignInAttempt): Promise<Counts> {
  const w = THROTTLE.windowMinutes;
  const row = await firstRow(
    db,
    sql`
      with mine as (
        select at, outcome, device from sign_in_attempts
         where email = ${a.email} and at > now() - make_interval(mins => ${THROTTLE.accountWindowMinutes})
      )
      select
        ${a.ip === null ? sql`0` : sql`(select count(*)::int from sign_in_attempts where ip = ${a.ip} and device is null and outcome <> 'refused' and at > now() - make_interval(mins => ${w}))`} as by_ip,
        ${a.ip === null ? sql`null::float8` : sql`(select extract(epoch from now() - min(at))::float8 from sign_in_attempts where ip = ${a.ip} and device is null and outcome <> 'refused' and at > now() - make_interval(mins => ${w}))`} as ip_first,
        (select count(*)::int from mine where device is null) as by_account,
        exists (select 1 from mine where device is null and outcome = 'pending' and at > now() - make_interval(secs => ${THROTTLE.pendingSeconds})) as account_busy,
        (select extract(epoch from now() - max(at))::float8 from mine where device is null and outcome = 'failed') as since_failure,
        (select count(*)::int from mine where device = ${a.device ?? ""} and at > now() - make_interval(mins => ${w})) as by_device,
        (select extract(epoch from now() - min(at))::float8 from mine where device = ${a.device ?? ""} and at > now() - make_interval(mins => ${w})) as device_first,
        exists (select 1 from mine where device = ${a.device ?? ""} and outcome = 'pending' and at > now() - make_interval(secs => ${THROTTLE.pendingSeconds})) as device_busy`,
    countsRow,
  );
  return row!;
}

/** The decision for an attempt given the counts: null = may go on. */
function decide(a: SignInAttempt, c: Counts): Exclude<Admission, { ok: true }> | null {
  const windowLeft = (firstAge: number | null) => Math.max(1, Math.ceil(THROTTLE.windowMinutes * 60 - (firstAge ?? 0)));
  if (a.device) {
    if (c.device_busy) return { ok: false, reason: "busy", retryAfterSeconds: 2 };
    if (c.by_device >= THROTTLE.perDevice) return { ok: false, reason: "device", retryAfterSeconds: windowLeft(c.device_first) };
    return null;
  }
  if (c.by_ip >= THROTTLE.perIp) return { ok: false, reason: "address", retryAfterSeconds: windowLeft(c.ip_first) };
  if (c.account_busy) return { ok: false, reason: "busy", retryAfterSeconds: 2 };
  const wait = backoffSeconds(c.by_account);
  if (wait > 0) {
    // Counted from the last real failure: a burst of refused attempts lengthens the wait but does not restart it.
    const left = c.since_failure === null ? wait : Math.ceil(wait - c.since_failure);
    if (left > 0) return { ok: false, reason: "account", retryAfterSeconds: left };
  }
  return null;
}

/** Read-only: would an attempt be refused now? (For a plain 429 before next-auth runs; the decision that counts is `admitSignIn`'s.) */
export async function signInRefusal(db: Queryable, a: SignInAttempt) {
  return decide(a, await counts(db, a));
}

/**
 * Counts and records the attempt in one step: under advisory locks for the address and the account
 * (always taken in that order), decides, then inserts the attempt — pending if admitted, "refused"
 * if not. Run it in a transaction of its own, committed before the password is checked.
 */
export async function admitSignIn(db: Queryable, a: SignInAttempt): Promise<Admission> {
  return db.transaction(async (tx) => {
    if (a.ip !== null) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${"sellthru:sign-in-ip:" + a.ip}, 0))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${"sellthru:sign-in:" + a.email}, 0))`);
    await tx.execute(sql`delete from sign_in_attempts where email = ${a.email} and at < now() - interval '1 day'`);
    const refusal = decide(a, await counts(tx, a));
    const id = await firstRow(
      tx,
      sql`insert into sign_in_attempts (email, ip, device, outcome)
        values (${a.email}, ${a.ip}, ${a.device}, ${refusal ? "refused" : "pending"}) returning id`,
      (r) => num(r.id),
    );
    return refusal ?? { ok: true, attemptId: id! };
  });
}

/** After the password check: a success leaves no trace here (the audit log has it), a failure stays counted. */
export async function settleSignIn(db: Queryable, attemptId: number, succeeded: boolean): Promise<void> {
  if (succeeded) await db.execute(sql`delete from sign_in_attempts where id = ${attemptId}`);
  else await db.execute(sql`update sign_in_attempts set outcome = 'failed' where id = ${attemptId}`);
}
