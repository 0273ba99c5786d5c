/**
 * `requestPasswordReset(db, { email, ip, baseUrl })` — "Forgot password?" (/forgot-password). Runs
 * before there is a viewer, in the `auth` context of row-level security (the caller's
 * `withAuthDb`), which may read users and write `password_resets` but not the outbox.
 *
 * - The answer is the same whether or not the address has an account (the action shows one message
 *   for both); only an active user (of an active distributor) gets a link.
 * - Throttled with the sign-in limits (lib/dal/auth/sign-in-throttle.ts) under a key of its own per
 *   address asked for, whether it exists or not: per client address (shared with sign-in attempts)
 *   and, per e-mail, a back-off after a few requests an hour. Every request counts.
 * - The link carries a random secret; only its sha256 is stored, with an expiry
 *   ({@link RESET_TTL_MINUTES} minutes). It is sent through the outbox (sent by the job when SMTP is
 *   configured; the action also kicks the sender at once).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { asSystem } from "@/db/rls";
import { distributors, outbox, passwordResets, users } from "@/db/schema";
import { newResetToken, resetLink, resetMessage, RESET_TTL_MINUTES } from "@/lib/auth/reset-token";
import { recordAudit } from "../audit/record-audit";
import { admitSignIn, settleSignIn } from "../auth/sign-in-throttle";
import { getSettings } from "../settings/get-settings";

export const resetThrottleKey = (email: string) => `password-reset:${email.trim().toLowerCase()}`;
/** The outbox kind of reset messages (and the prefix of their dedupe key: `password_reset:<reset id>`). */
export const RESET_KIND = "password_reset";

export type ResetRequestOutcome = { throttled: false } | { throttled: true; retryAfterSeconds: number };

export async function requestPasswordReset(db: Queryable, req: { email: string; ip: string | null; baseUrl: string }): Promise<ResetRequestOutcome> {
  const email = req.email.trim().toLowerCase();
  const admission = await admitSignIn(db, { email: resetThrottleKey(email), ip: req.ip, device: null });
  if (!admission.ok) return { throttled: true, retryAfterSeconds: admission.retryAfterSeconds };
  // Settled as "failed" at once: a reset request stays counted, as a failed sign-in does.
  await settleSignIn(db, admission.attemptId, false);

  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, distributorId: users.distributorId, distributorActive: distributors.active })
    .from(users)
    .leftJoin(distributors, eq(distributors.id, users.distributorId))
    .where(and(eq(sql`lower(${users.email})`, email), eq(users.active, true)))
    .limit(1);
  const eligible = !!user && (user.role !== "distributor" || user.distributorActive === true);

  if (user && eligible) {
    const { secret, hash } = newResetToken();
    const [reset] = await db
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hash, expiresAt: sql`now() + make_interval(mins => ${RESET_TTL_MINUTES})` as unknown as Date })
      .returning({ id: passwordResets.id });
    // The outbox row in the SAME transaction (a link is never stored without its message, nor the
    // message without its link), but as `system`: the outbox's policy lets staff or the row's tenant
    // write, and a signed-out request is neither. asSystem switches for this one statement and puts
    // the `auth` context back; nothing the request supplied reaches it but the address it asked for.
    await asSystem(db, async (tx) => {
      const { manufacturerName } = await getSettings(tx);
      const message = resetMessage({ name: user.name, link: resetLink(req.baseUrl, secret), manufacturer: manufacturerName });
      await tx.insert(outbox).values({ dedupeKey: `${RESET_KIND}:${reset!.id}`, toAddress: user.email, subject: message.subject, body: message.body, kind: RESET_KIND });
    });
  }
  await recordAudit(db, user && eligible ? { userId: user.id, email: user.email } : null, "password_reset.request", {
    distributorId: user?.distributorId ?? null,
    subject: email,
    ip: req.ip,
    data: { sent: eligible },
  });
  return { throttled: false };
}
