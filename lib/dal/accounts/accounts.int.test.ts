/**
 * Accounts (issue 16 item 5): change password, forgot password through the outbox, reset links that
 * work once and expire, the profile. Each step runs in the row-level security context the app gives
 * it (a viewer's, or `auth` before there is one), so on Postgres the policies are exercised too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeViewer } from "@/lib/testing/fixtures";
import { AUTH, SYSTEM, withDbContext, type DbContext, type DbRunner } from "@/db/rls";
import { auditLog, outbox, passwordResets, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { hashResetToken } from "@/lib/auth/reset-token";
import { RESET_LINK_INVALID } from "@/lib/validation/accounts";
import { createUser } from "../admin/create-user";
import { checkCredentials } from "../auth/check-credentials";
import { loadViewerByUserId } from "../auth/load-viewer";
import { THROTTLE } from "../auth/sign-in-throttle";
import { changeOwnPassword, WRONG_CURRENT } from "./change-password";
import { getProfile, updateProfile } from "./profile";
import { requestPasswordReset } from "./request-password-reset";
import { completePasswordReset, resetLinkUsable } from "./reset-password";
import { getOutboxMessage, HIDDEN_LINK, revealResetLink } from "./outbox-message";

let tdb: TestDatabase;
let admin: Viewer;
const BASE = "https://sellthru.example.com";
const PW = "correct horse battery";

beforeAll(async () => {
  tdb = await createTestDatabase();
  admin = await makeViewer(tdb.db, "admin");
});
afterAll(async () => tdb?.close());

const ctxOf = (v: Viewer): DbContext => ({ role: v.role, distributorId: v.role === "distributor" ? v.distributorId : null, userId: v.userId });
const asViewer = (v: Viewer): DbRunner => (fn) => withDbContext(tdb.db, ctxOf(v), fn);
const asAuth: DbRunner = (fn) => withDbContext(tdb.db, AUTH, fn);
const asOwner: DbRunner = async (fn) => withDbContext(await tdb.owner(), SYSTEM, fn);

let seq = 0;
/** A real user (hashed password) and the viewer of a session signed in with it. */
async function signedInUser(role: "channel_manager" | "distributor" = "channel_manager") {
  const email = `acct-${Date.now()}-${seq++}@example.test`;
  const d = role === "distributor" ? await makeDistributor(tdb.db) : null;
  const u = await createUser(tdb.db, admin, { email, name: "Acct", role, distributorCode: d?.code, password: PW });
  const session = (await checkCredentials(tdb.db, email, PW))!;
  const viewer = (await loadViewerByUserId(tdb.db, u.id, session.sessionVersion))!;
  return { email, id: u.id, viewer, sv: session.sessionVersion };
}

async function request(email: string, ip = "10.40.0.1") {
  return asAuth((db) => requestPasswordReset(db, { email, ip, baseUrl: BASE }));
}
async function resetMail(email: string) {
  return asOwner((db) => db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, "password_reset"))).orderBy(outbox.createdAt));
}
const secretOf = (body: string) => /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(body)![1]!;
const auditOf = (action: string, subject: string) =>
  asOwner((db) => db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subject, subject))));

describe("change password", () => {
  it("needs the current password; then the new one works, the old does not, other sessions end, and it is audited", async () => {
    const u = await signedInUser("distributor");
    const wrong = changeOwnPassword(asViewer(u.viewer), u.viewer, { currentPassword: "not my password", newPassword: "a brand new password", confirmPassword: "a brand new password" });
    await expect(wrong).rejects.toMatchObject({ code: "validation_failed", issues: [{ path: "currentPassword", message: WRONG_CURRENT }] });
    expect(await checkCredentials(tdb.db, u.email, PW)).not.toBeNull();

    await changeOwnPassword(asViewer(u.viewer), u.viewer, { currentPassword: PW, newPassword: "a brand new password", confirmPassword: "a brand new password" }, "10.41.0.1");
    expect(await checkCredentials(tdb.db, u.email, PW)).toBeNull();
    const fresh = await checkCredentials(tdb.db, u.email, "a brand new password");
    expect(fresh?.sessionVersion).toBe(u.sv + 1);
    expect(await loadViewerByUserId(tdb.db, u.id, u.sv)).toBeNull(); // every session signed in before ends
    const [row] = await tdb.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.passwordSetBy).toBe(admin.userId); // set by the admin minutes ago: that mark stays (two-person rule)
    expect(await auditOf("password.change", u.email)).toHaveLength(1);
  });

  it("records the user as having set it once nobody else has set it in the last day", async () => {
    const u = await signedInUser();
    await asOwner((db) => db.update(users).set({ passwordSetAt: sql`now() - interval '2 days'` }).where(eq(users.id, u.id)));
    await changeOwnPassword(asViewer(u.viewer), u.viewer, { currentPassword: PW, newPassword: "another new password", confirmPassword: "another new password" });
    const [row] = await tdb.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.passwordSetBy).toBe(u.id);
    expect(Date.now() - new Date(row!.passwordSetAt!).getTime()).toBeLessThan(60_000);
  });

  it("slows down guesses of the current password from a stolen session", async () => {
    const u = await signedInUser();
    const guess = () => changeOwnPassword(asViewer(u.viewer), u.viewer, { currentPassword: "guess", newPassword: "whatever it is now", confirmPassword: "whatever it is now" });
    for (let i = 0; i < THROTTLE.perAccount; i++) await expect(guess()).rejects.toMatchObject({ code: "validation_failed" });
    await expect(guess()).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("forgot password", () => {
  it("answers an existing and an unknown address alike; only the existing one gets a link, through the outbox", async () => {
    const u = await signedInUser();
    const unknown = `nobody-${Date.now()}@example.test`;
    expect(await request(u.email.toUpperCase())).toEqual({ throttled: false });
    expect(await request(unknown)).toEqual({ throttled: false });

    const mine = await asOwner((db) => db.select().from(passwordResets).where(eq(passwordResets.userId, u.id)));
    expect(mine).toHaveLength(1);
    expect(new Date(mine[0]!.expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    const mail = await resetMail(u.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain(`${BASE}/reset-password?token=`);
    expect(mine[0]!.tokenHash).toBe(hashResetToken(secretOf(mail[0]!.body)));
    expect(mine[0]!.tokenHash).not.toContain(secretOf(mail[0]!.body)); // only the hash is stored
    expect(await resetMail(unknown)).toHaveLength(0);
    expect((await auditOf("password_reset.request", unknown))[0]?.data).toEqual({ sent: false });
  });

  it("sends nothing to a deactivated user", async () => {
    const u = await signedInUser();
    await tdb.db.update(users).set({ active: false }).where(eq(users.id, u.id));
    expect(await request(u.email)).toEqual({ throttled: false });
    expect(await resetMail(u.email)).toHaveLength(0);
  });

  it("is throttled per address asked for, known or not", async () => {
    const u = await signedInUser();
    for (const email of [u.email, `nobody-${Date.now()}@example.test`]) {
      for (let i = 0; i < THROTTLE.perAccount; i++) expect(await request(email, `10.42.${seq}.${i}`)).toEqual({ throttled: false });
      expect(await request(email, `10.42.${seq++}.99`)).toMatchObject({ throttled: true });
    }
    expect(await resetMail(u.email)).toHaveLength(THROTTLE.perAccount);
  });

  it("row-level security: only the auth and system contexts see reset links", async () => {
    if (tdb.label !== "postgres") return; // PGlite runs as its superuser: no policies apply
    const u = await signedInUser();
    await request(u.email);
    const seen = await asViewer(admin)((db) => db.select().from(passwordResets));
    expect(seen).toHaveLength(0);
  });
});

describe("reset links", () => {
  it("work once: the password is set, every session ends, the user's other links die with it", async () => {
    const u = await signedInUser();
    await request(u.email, "10.43.0.1");
    await request(u.email, "10.43.0.2");
    const [first, second] = (await resetMail(u.email)).map((m) => secretOf(m.body));
    expect(await asAuth((db) => resetLinkUsable(db, first))).toBe(true);

    expect(await completePasswordReset(asAuth, { token: first!, newPassword: "reset to this one" }, "10.43.0.3")).toEqual({ email: u.email });
    expect(await loadViewerByUserId(tdb.db, u.id, u.sv)).toBeNull();
    expect(await checkCredentials(tdb.db, u.email, PW)).toBeNull();
    expect(await checkCredentials(tdb.db, u.email, "reset to this one")).not.toBeNull();
    expect(await auditOf("password_reset.complete", u.email)).toHaveLength(1);

    for (const t of [first!, second!]) {
      expect(await asAuth((db) => resetLinkUsable(db, t))).toBe(false);
      await expect(completePasswordReset(asAuth, { token: t, newPassword: "try to use it again" })).rejects.toMatchObject({ code: "not_found", message: RESET_LINK_INVALID });
    }
    expect(await checkCredentials(tdb.db, u.email, "reset to this one")).not.toBeNull();
  });

  it("expire, and an unknown link gets the same answer", async () => {
    const u = await signedInUser();
    await request(u.email, "10.44.0.1");
    const [secret] = (await resetMail(u.email)).map((m) => secretOf(m.body));
    await asOwner((db) => db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(passwordResets.userId, u.id)));
    expect(await asAuth((db) => resetLinkUsable(db, secret))).toBe(false);
    for (const t of [secret!, "A".repeat(43)]) {
      await expect(completePasswordReset(asAuth, { token: t, newPassword: "too late for this" })).rejects.toMatchObject({ code: "not_found", message: RESET_LINK_INVALID });
    }
    expect(await checkCredentials(tdb.db, u.email, PW)).not.toBeNull();
    expect(await loadViewerByUserId(tdb.db, u.id, u.sv)).not.toBeNull();
  });

  it("two uses at once change the password once", async () => {
    const u = await signedInUser();
    await request(u.email, "10.45.0.1");
    const [secret] = (await resetMail(u.email)).map((m) => secretOf(m.body));
    const results = await Promise.allSettled(["first of two tabs", "second of two tabs"].map((p) => completePasswordReset(asAuth, { token: secret!, newPassword: p })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await auditOf("password_reset.complete", u.email)).toHaveLength(1);
  });

  it("on the outbox page the link is hidden; an admin who reveals it is recorded as having set the password", async () => {
    const u = await signedInUser();
    await asOwner((db) => db.update(users).set({ passwordSetAt: sql`now() - interval '2 days'` }).where(eq(users.id, u.id)));
    await request(u.email, "10.46.0.1");
    const [mail] = await resetMail(u.email);
    const shown = await asViewer(admin)((db) => getOutboxMessage(db, admin, mail!.id));
    expect(shown.linkHidden).toBe(true);
    expect(shown.body).toContain(HIDDEN_LINK);
    expect(shown.body).not.toContain(secretOf(mail!.body));
    const manager = await makeViewer(tdb.db, "channel_manager");
    await expect(asViewer(manager)((db) => revealResetLink(db, manager, mail!.id))).rejects.toMatchObject({ code: "forbidden" });

    const { link } = await asViewer(admin)((db) => revealResetLink(db, admin, mail!.id));
    await completePasswordReset(asAuth, { token: secretOf(link), newPassword: "the admin knows this" });
    const [row] = await tdb.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.passwordSetBy).toBe(admin.userId);
  });
});

describe("profile", () => {
  it("saves name, locale, time zone and e-mail notices of the viewer's own row, and audits what changed", async () => {
    const u = await signedInUser("distributor");
    const before = await asViewer(u.viewer)((db) => getProfile(db, u.viewer));
    expect(before).toMatchObject({ name: "Acct", locale: null, timeZone: null, notifyEmail: true });
    const after = await asViewer(u.viewer)((db) => updateProfile(db, u.viewer, { name: "Ana Ops", locale: "de-DE", timeZone: "Europe/Berlin", notifyEmail: false }));
    expect(after).toMatchObject({ name: "Ana Ops", locale: "de-DE", timeZone: "Europe/Berlin", notifyEmail: false });
    expect((await loadViewerByUserId(tdb.db, u.id, u.sv))).toMatchObject({ name: "Ana Ops", locale: "de-DE", timeZone: "Europe/Berlin" });
    expect((await auditOf("profile.update", u.email))[0]?.data).toEqual({ name: "Ana Ops", locale: "de-DE", timeZone: "Europe/Berlin", notifyEmail: false });
    await asViewer(u.viewer)((db) => updateProfile(db, u.viewer, { name: "Ana Ops", locale: null, timeZone: null, notifyEmail: false }));
    expect(await asViewer(u.viewer)((db) => getProfile(db, u.viewer))).toMatchObject({ locale: null, timeZone: null });
  });
});
