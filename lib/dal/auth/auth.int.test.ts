import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeViewer } from "@/lib/testing/fixtures";
import { apiTokens } from "@/db/schema";
import { newApiToken } from "@/lib/auth/api-token";
import { createUser } from "../admin/create-user";
import { updateUser } from "../admin/update-user";
import { checkCredentials } from "./check-credentials";
import { loadViewerByToken, loadViewerByUserId } from "./load-viewer";
import { isThrottled, recordFailedSignIn, THROTTLE } from "./sign-in-throttle";
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

    const viewer = await loadViewerByUserId(tdb.db, u.id);
    expect(viewer).toMatchObject({ role: "distributor", distributorId: d.id, distributorCode: d.code });

    const token = newApiToken();
    await tdb.db.insert(apiTokens).values({ userId: u.id, name: "erp", tokenHash: token.hash, prefix: token.prefix });
    expect((await loadViewerByToken(tdb.db, token.secret))?.via).toBe("token");
    expect(await loadViewerByToken(tdb.db, token.secret + "x")).toBeNull();

    await updateUser(tdb.db, admin, "ops@example.test", { active: false });
    expect(await loadViewerByUserId(tdb.db, u.id)).toBeNull();
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

  it("throttles one account after repeated failures without locking out others", async () => {
    for (let i = 0; i < THROTTLE.perAccount; i++) await recordFailedSignIn(tdb.db, "victim@example.test", `10.0.0.${i}`);
    expect(await isThrottled(tdb.db, "victim@example.test", "10.9.9.9")).toBe(true);
    expect(await isThrottled(tdb.db, "someone-else@example.test", "10.9.9.9")).toBe(false);
  });
});
