/**
 * `changeOwnPassword(run, viewer, input, ip)` — the signed-in user changes their own password
 * (/profile): the current one must verify; the new one is hashed (scrypt, lib/auth/password.ts),
 * `password_set_by/at` record the user (password-marks.ts), the session version moves on — every
 * session of the user ends — and it is audited. The caller re-issues the current session afterwards
 * (app/(account)/profile/actions.ts signs in again with the new password).
 *
 * The slow scrypt work runs outside any transaction (`run` opens a short one per step, in the
 * viewer's context), as at sign-in. Wrong current passwords are throttled with the sign-in limits
 * (lib/dal/auth/sign-in-throttle.ts) under a key of their own, so a stolen session cannot guess the
 * password at leisure, and the account's own sign-in back-off is not touched by it.
 */
import { and, eq, sql } from "drizzle-orm";
import type { DbRunner } from "@/db/rls";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, forbidden } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validation/accounts";
import { recordAudit } from "../audit/record-audit";
import { admitSignIn, settleSignIn } from "../auth/sign-in-throttle";
import { ownPasswordMarks } from "./password-marks";

/** The throttle's key for password checks on the profile page (apart from sign-in's plain e-mail keys). */
export const changeThrottleKey = (email: string) => `password-change:${email.trim().toLowerCase()}`;

export const WRONG_CURRENT = "That is not your current password";

export async function changeOwnPassword(run: DbRunner, viewer: Viewer, input: ChangePasswordInput, ip: string | null = null): Promise<void> {
  if (viewer.via !== "session") throw forbidden("Change your password from a signed-in session");
  const admission = await run((db) => admitSignIn(db, { email: changeThrottleKey(viewer.email), ip, device: null }));
  if (!admission.ok) {
    throw new AppError("rate_limited", `Too many attempts with a wrong current password. Wait ${Math.ceil(admission.retryAfterSeconds / 60)} minute(s) and try again.`);
  }
  let verified = false;
  try {
    const [row] = await run((db) => db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId)).limit(1));
    verified = !!row && (await verifyPassword(input.currentPassword, row.hash));
    if (!row || !verified) throw new AppError("validation_failed", WRONG_CURRENT, [{ path: "currentPassword", message: WRONG_CURRENT }]);
    const hash = await hashPassword(input.newPassword);
    const changed = await run(async (db) => {
      // Only over the hash just verified: a change made meanwhile (another tab, an admin) is not overwritten.
      const rows = await db
        .update(users)
        .set({
          passwordHash: hash,
          ...ownPasswordMarks(viewer.userId),
          sessionVersion: sql`${users.sessionVersion} + 1`,
          version: sql`${users.version} + 1`,
        })
        .where(and(eq(users.id, viewer.userId), eq(users.passwordHash, row.hash)))
        .returning({ id: users.id });
      if (rows.length === 0) return false;
      await recordAudit(db, viewer, "password.change", { distributorId: viewer.distributorId, subject: viewer.email });
      return true;
    });
    if (!changed) throw new AppError("conflict", "Your password was changed elsewhere in the meantime; nothing was saved. Sign in again and retry.");
  } finally {
    await run((db) => settleSignIn(db, admission.attemptId, verified));
  }
}
