import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeViewer } from "@/lib/testing/fixtures";
import { apiTokens, auditLog } from "@/db/schema";
import { hashApiToken } from "@/lib/auth/api-token";
import { loadViewerByToken } from "../auth/load-viewer";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

describe(`API tokens (${label})`, () => {
  it("are created with a secret shown once and stored hashed, listed, and revoked at once", async () => {
    const d = await makeDistributor(tdb.db);
    const v = await makeViewer(tdb.db, "distributor", d);
    const created = await createApiToken(tdb.db, v, { name: "  ERP nightly  " });
    expect(created).toMatchObject({ name: "ERP nightly", prefix: created.secret.slice(0, 10) });
    expect(created.secret).toMatch(/^st_[A-Za-z0-9_-]{40,}$/);
    const [stored] = await tdb.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored!.tokenHash).toBe(hashApiToken(created.secret));
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    const asToken = await loadViewerByToken(tdb.db, created.secret);
    expect(asToken).toMatchObject({ userId: v.userId, distributorId: d.id, via: "token" });

    const list = await listApiTokens(tdb.db, v);
    expect(list).toEqual([expect.objectContaining({ id: created.id, name: "ERP nightly", active: true, revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(created.secret);
    expect(JSON.stringify(list)).not.toContain(stored!.tokenHash);

    const revoked = await revokeApiToken(tdb.db, v, created.id);
    expect(revoked).toMatchObject({ id: created.id, active: false, revokedAt: expect.any(String) });
    expect(await loadViewerByToken(tdb.db, created.secret)).toBeNull();
    expect((await revokeApiToken(tdb.db, v, created.id)).revokedAt).toBe(revoked.revokedAt);
    expect((await listApiTokens(tdb.db, v))[0]).toMatchObject({ active: false });

    const actions = (await tdb.db.select().from(auditLog).where(eq(auditLog.actorId, v.userId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["token.create", "token.revoke"]));
  });

  it("cannot be minted, listed or revoked with a token, nor touch another user's tokens", async () => {
    const a = await makeDistributor(tdb.db);
    const b = await makeDistributor(tdb.db);
    const va = await makeViewer(tdb.db, "distributor", a);
    const vb = await makeViewer(tdb.db, "distributor", b);
    const colleague = await makeViewer(tdb.db, "distributor", a);
    const mine = await createApiToken(tdb.db, va, { name: "mine" });
    const viaToken = (await loadViewerByToken(tdb.db, mine.secret))!;
    await expect(createApiToken(tdb.db, viaToken, { name: "more" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listApiTokens(tdb.db, viaToken)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiToken(tdb.db, viaToken, mine.id)).rejects.toMatchObject({ code: "forbidden" });

    for (const other of [vb, colleague]) {
      await expect(revokeApiToken(tdb.db, other, mine.id)).rejects.toMatchObject({ code: "not_found" });
      expect(await listApiTokens(tdb.db, other)).toEqual([]);
    }
    await expect(revokeApiToken(tdb.db, va, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    expect(await loadViewerByToken(tdb.db, mine.secret)).not.toBeNull();
    await expect(createApiToken(tdb.db, va, { name: "   " })).rejects.toMatchObject({ code: "validation_failed", issues: [{ path: "name" }] });

    const staff = await makeViewer(tdb.db, "channel_manager");
    expect((await createApiToken(tdb.db, staff, { name: "automation" })).secret).toMatch(/^st_/);
  });
});
