import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeViewer } from "@/lib/testing/fixtures";
import { apiTokens } from "@/db/schema";
import { newApiToken } from "@/lib/auth/api-token";
import { createUser } from "../admin/create-user";
import { updateUser } from "../admin/update-user";
import { checkCredentials } from "./check-credentials";
import { loadViewerByToken, loadViewerByUserId } from "./load-viewer";
import { admitSignIn, backoffSeconds, settleSignIn, signInRefusal, THROTTLE } from "./sign-in-throttle";
import { endSessions } from "./end-sessions";
import { resolveDistributor } from "../authorize";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

describe("sign-in and the viewer", () => {
  it("verifies passwords, resolves tokens, and stops a deactivated user at once", async () => {
    const admin = await makeViewer(tdb.db, "admin");
    const d = await makeDistributor(tdb.db);
    const u = await createUser(tdb.db, admin, { email: "Ops@Example.test", name: "Ops", role: "distributor", distributorCode: d.code, password: "correct horse battery" });
    expect(await checkCredentials(tdb.db, "ops@example.test", "wrong password!")).toBeNull();
    expect(await checkCredentials(tdb.db, "nobody@example.test", "correct horse battery")).toBeNull();
    const ok = await checkCredentials(tdb.db, " OPS@example.test ", "correct horse battery");
    expect(ok?.userId).toBe(u.id);

    const viewer = await loadViewerByUserId(tdb.db, u.id, ok!.sessionVersion);
    expect(viewer).toMatchObject({ role: "distributor", distributorId: d.id, distributorCode: d.code });

    const token = newApiToken();
    await tdb.db.insert(apiTokens).values({ userId: u.id, name: "erp", tokenHash: token.hash, prefix: token.prefix });
    expect((await loadViewerByToken(tdb.db, token.secret))?.via).toBe("token");
    expect(await loadViewerByToken(tdb.db, token.secret + "x")).toBeNull();

    await updateUser(tdb.db, admin, "ops@example.test", { active: false });
    expect(await loadViewerByUserId(tdb.db, u.id, ok!.sessionVersion)).toBeNull();
    expect(await loadViewerByToken(tdb.db, token.secret)).toBeNull();
    expect(await checkCredentials(tdb.db, "ops@example.test", "correct horse battery")).toBeNull();
  });

  it("a distributor viewer is always its own tenant", async () => {
    const a = await makeDistributor(tdb.db);
    const b = await makeDistributor(tdb.db);
    const va = await makeViewer(tdb.db, "distributor", a);
    expect((await resolveDistributor(tdb.db, va)).id).toBe(a.id);
    expect((await resolveDistributor(tdb.db, va, a.code)).id).toBe(a.id);
    await expect(resolveDistributor(tdb.db, va, b.code)).rejects.toMatchObject({ code: "not_found" });
    const staff = await makeViewer(tdb.db, "channel_manager");
    expect((await resolveDistributor(tdb.db, staff, b.code)).id).toBe(b.id);
    await expect(resolveDistributor(tdb.db, staff, "NOPE")).rejects.toMatchObject({ code: "not_found" });
  });

  it("ends sessions on a password reset and deactivation; reactivation brings neither sessions nor tokens back", async () => {
    const admin = await makeViewer(tdb.db, "admin");
    const u = await createUser(tdb.db, admin, { email: "ends@example.test", name: "Ends", role: "channel_manager", password: "correct horse battery" });
    const first = (await checkCredentials(tdb.db, "ends@example.test", "correct horse battery"))!;
    expect(await loadViewerByUserId(tdb.db, u.id, first.sessionVersion)).not.toBeNull();
    expect(await loadViewerByUserId(tdb.db, u.id, undefined)).toBeNull(); // a cookie from before session versions

    await updateUser(tdb.db, admin, "ends@example.test", { password: "another long password" });
    expect(await loadViewerByUserId(tdb.db, u.id, first.sessionVersion)).toBeNull();
    const second = (await checkCredentials(tdb.db, "ends@example.test", "another long password"))!;
    expect(await loadViewerByUserId(tdb.db, u.id, second.sessionVersion)).not.toBeNull();

    const token = newApiToken();
    await tdb.db.insert(apiTokens).values({ userId: u.id, name: "erp", tokenHash: token.hash, prefix: token.prefix });
    await updateUser(tdb.db, admin, "ends@example.test", { active: false });
    await updateUser(tdb.db, admin, "ends@example.test", { active: true });
    expect(await loadViewerByUserId(tdb.db, u.id, second.sessionVersion)).toBeNull();
    expect(await loadViewerByToken(tdb.db, token.secret)).toBeNull();
    const third = (await checkCredentials(tdb.db, "ends@example.test", "another long password"))!;
    expect(await loadViewerByUserId(tdb.db, u.id, third.sessionVersion)).not.toBeNull();

    // Sign-out: only the session's own version moves it (a stale cookie's sign-out changes nothing).
    expect(await endSessions(tdb.db, u.id, second.sessionVersion)).toBe(false);
    expect(await endSessions(tdb.db, u.id, third.sessionVersion)).toBe(true);
    expect(await loadViewerByUserId(tdb.db, u.id, third.sessionVersion)).toBeNull();
  });
});

describe("sign-in throttling", () => {
  const attempt = (email: string, ip: string | null, device: string | null = null) => ({ email, ip, device });

  it("counts and decides concurrent guesses atomically: one check at a time, and the attempt after thirty is refused", async () => {
    const email = "burst@example.test";
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => admitSignIn(tdb.db, attempt(email, `10.1.0.${i}`))));
    const admitted = burst.filter((a) => a.ok);
    expect(admitted).toHaveLength(1);
    expect(burst.filter((a) => !a.ok).every((a) => !a.ok && a.reason === "busy")).toBe(true);
    await settleSignIn(tdb.db, (admitted[0] as { attemptId: number }).attemptId, false);
    // Thirty attempts are on record, refused ones included: the right password's turn is refused too.
    const next = await admitSignIn(tdb.db, attempt(email, "10.1.1.1"));
    expect(next).toMatchObject({ ok: false, reason: "account" });
    expect((next as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(60);
  });

  it("slows one account down for unknown browsers only: a known browser and other accounts go on", async () => {
    const email = "victim@example.test";
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      const a = await admitSignIn(tdb.db, attempt(email, `10.0.0.${i}`));
      expect(a.ok, `attempt ${i + 1}`).toBe(true);
      await settleSignIn(tdb.db, (a as { attemptId: number }).attemptId, false);
    }
    expect(await signInRefusal(tdb.db, attempt(email, "10.9.9.9"))).toMatchObject({ reason: "account" });
    expect(await admitSignIn(tdb.db, attempt(email, "10.9.9.9"))).toMatchObject({ ok: false, reason: "account" });
    expect(await signInRefusal(tdb.db, attempt("someone-else@example.test", "10.9.9.9"))).toBeNull();
    // The owner's browser (a device cookie from an earlier sign-in) is not held up by strangers' failures.
    const own = await admitSignIn(tdb.db, attempt(email, "10.9.9.9", "device-of-the-owner"));
    expect(own.ok).toBe(true);
    await settleSignIn(tdb.db, (own as { attemptId: number }).attemptId, true);
    expect(backoffSeconds(THROTTLE.perAccount)).toBe(30);
    expect(backoffSeconds(THROTTLE.perAccount + 3)).toBe(240);
    expect(backoffSeconds(1000)).toBe(15 * 60);
  });

  it("limits one address across accounts, and a known browser to its own attempts", async () => {
    for (let i = 0; i < THROTTLE.perIp; i++) {
      const a = await admitSignIn(tdb.db, attempt(`spray-${i}@example.test`, "10.2.0.1"));
      expect(a.ok).toBe(true);
      await settleSignIn(tdb.db, (a as { attemptId: number }).attemptId, false);
    }
    expect(await admitSignIn(tdb.db, attempt("spray-new@example.test", "10.2.0.1"))).toMatchObject({ ok: false, reason: "address" });
    expect((await admitSignIn(tdb.db, attempt("spray-new@example.test", "10.2.0.2"))).ok).toBe(true);

    for (let i = 0; i < THROTTLE.perDevice; i++) {
      const a = await admitSignIn(tdb.db, attempt("owner@example.test", "10.3.0.1", "stolen-device"));
      await settleSignIn(tdb.db, (a as { attemptId: number }).attemptId, false);
    }
    expect(await admitSignIn(tdb.db, attempt("owner@example.test", "10.3.0.1", "stolen-device"))).toMatchObject({ ok: false, reason: "device" });
  });
});
