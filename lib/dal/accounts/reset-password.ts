/**
 * The page a reset link opens (/reset-password?token=…): `resetLinkUsable` says whether to show the
 * form, `completePasswordReset` sets the new password. Both run before there is a viewer, in the
 * `auth` context of row-level security (password_resets is readable and writable there only, and by
 * `system`). One answer for an unknown, used or expired link (RESET_LINK_INVALID).
 *
 * Using a link: the link is marked used and every other outstanding link of the user with it; the
 * new password is stored (password-marks.ts: the user set it — or the admin who revealed this link
 * on the outbox page, see outbox-message.ts); the session version moves on, so every session of the
 * user ends; audited as `password_reset.complete`.
 */
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { asSystem, type DbRunner } from "@/db/rls";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashResetToken, isResetTokenShape } from "@/lib/auth/reset-token";
import { AppError } from "@/lib/errors";
import { RESET_LINK_INVALID, type ResetPasswordInput } from "@/lib/validation/accounts";
import { recordAudit } from "../audit/record-audit";
import { firstRow, numOrNull, str, type RowMapper } from "@/db/sql-rows";
import { ownPasswordMarks } from "./password-marks";
import { RESET_KIND } from "./request-password-reset";

/** Audit action of an admin revealing a reset link on the outbox page (outbox-message.ts). */
export const REVEAL_ACTION = "outbox.reveal_reset_link";

interface UsableReset {
  id: string;
  user_id: string;
  email: string;
  distributor_id: number | null;
}

const usableResetRow: RowMapper<UsableReset> = (r) => ({ id: str(r.id), user_id: str(r.user_id), email: str(r.email), distributor_id: numOrNull(r.distributor_id) });

/** The unused, unexpired link of an active user with this secret (locked with `forUpdate`), or none. */
async function findUsable(db: Queryable, secret: string, forUpdate: boolean): Promise<UsableReset | null> {
  if (!isResetTokenShape(secret)) return null;
  const row = await firstRow(
    db,
    sql`
      select pr.id, pr.user_id, u.email, u.distributor_id
        from password_resets pr
        join users u on u.id = pr.user_id
        left join distributors d on d.id = u.distributor_id
       where pr.token_hash = ${hashResetToken(secret)} and pr.used_at is null and pr.expires_at > now()
         and u.active and (u.role <> 'distributor' or d.active)
       ${forUpdate ? sql`for update of pr` : sql``}`,
    usableResetRow,
  );
  return row ?? null;
}

/** Read-only: may this link set a password now? */
export async function resetLinkUsable(db: Queryable, secret: unknown): Promise<boolean> {
  return typeof secret === "string" && (await findUsable(db, secret, false)) !== null;
}

/**
 * Sets the new password through a link. `run` opens a short `auth` transaction per step: the link is
 * checked first (an unknown link costs no scrypt work), the password hashed outside any transaction,
 * then the link is locked, checked again and consumed with the password change in one transaction —
 * two tabs using one link at once change the password once.
 */
export async function completePasswordReset(run: DbRunner, input: Pick<ResetPasswordInput, "token" | "newPassword">, ip: string | null = null): Promise<{ email: string }> {
  if (!(await run((db) => resetLinkUsable(db, input.token)))) throw new AppError("not_found", RESET_LINK_INVALID);
  const hash = await hashPassword(input.newPassword);
  return run(async (db) => {
    const r = await findUsable(db, input.token, true);
    if (!r) throw new AppError("not_found", RESET_LINK_INVALID);
    await db.execute(sql`update password_resets set used_at = now() where user_id = ${r.user_id}::uuid and used_at is null`);
    // Users are written by staff, their own tenant or `system` only: a signed-out request is none of
    // them, so the password change itself runs as `system` (the user is the one the link names).
    const revealedBy = await asSystem(db, async (tx) => {
      const revealed = await firstRow(
        tx,
        sql`select actor_id from audit_log where action = ${REVEAL_ACTION} and subject = ${`${RESET_KIND}:${r.id}`} and actor_id is not null order by at desc limit 1`,
        (row) => ({ actor_id: str(row.actor_id) }),
      );
      const marks = revealed
        ? { passwordSetBy: sql`${revealed.actor_id}::uuid`, passwordSetAt: sql`now()` }
        : ownPasswordMarks(r.user_id);
      await tx
        .update(users)
        .set({ passwordHash: hash, ...marks, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1` })
        .where(eq(users.id, r.user_id));
      return revealed ? revealed.actor_id : null;
    });
    await recordAudit(db, { userId: r.user_id, email: r.email }, "password_reset.complete", {
      distributorId: r.distributor_id,
      subject: r.email,
      ip,
      data: revealedBy ? { linkRevealedBy: revealedBy } : undefined,
    });
    return { email: r.email };
  });
}
