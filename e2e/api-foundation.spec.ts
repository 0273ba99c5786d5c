import { test, expect, request as pwRequest } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf } from "./accounts";
import { baseURL } from "./env";

test.describe("REST foundation", () => {
  test("health is public and names the embedded database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "pglite" });
  });

  test("no session is 401 with the error format", async () => {
    const anon = await pwRequest.newContext({ baseURL });
    for (const path of ["/api/v1/me", "/api/v1/periods", "/api/v1/gaps"]) {
      const res = await anon.get(path);
      expect(res.status(), path).toBe(401);
      expect((await res.json()).error.code).toBe("unauthenticated");
    }
    const bad = await anon.get("/api/v1/me", { headers: { authorization: "Bearer st_not-a-token" } });
    expect(bad.status()).toBe(401);
    await anon.dispose();
  });

  test("a script signs in through the credentials provider", async () => {
    const ctx = await pwRequest.newContext({ baseURL });
    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    await ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: ACCOUNTS.manager.email, password: DEMO_PASSWORD },
    });
    const me = await ctx.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).role).toBe("channel_manager");
    await ctx.dispose();
  });

  test.describe("as a channel manager", () => {
    test.use({ storageState: storageStateOf("manager") });

    test("the worked example is a live ledger row", async ({ request }) => {
      const res = await request.get("/api/v1/gaps?distributor=NWC&sku=MCU-1000");
      expect(res.status()).toBe(200);
      const body = await res.json();
      const row = body.rows.find((r: { sku: string }) => r.sku === "MCU-1000");
      expect(row).toMatchObject({ distributor: "NWC", opening: 0, sellIn: 1000, sellThrough: 700, calculated: 300, reported: 240, gap: 60, gapPct: 20 });
    });

    test("periods are listed newest first with deadlines", async ({ request }) => {
      const periods = await (await request.get("/api/v1/periods")).json();
      expect(periods.length).toBeGreaterThanOrEqual(18);
      expect(periods[0].state).toBe("future");
      expect(periods[1].state).toBe("open");
      expect(periods[0].period > periods[1].period).toBe(true);
    });

    test("gaps export as CSV", async ({ request }) => {
      const res = await request.get("/api/v1/gaps?distributor=NWC", { headers: { accept: "text/csv" } });
      expect(res.headers()["content-type"]).toContain("text/csv");
      const text = await res.text();
      expect(text.split("\r\n")[0]).toBe("distributor,sku,description,family,opening,sellIn,sellThrough,returns,adjustments,calculated,reported,gap,gapPct,newGap,weeksOfSupply,flags");
      expect(text).toContain("NWC,MCU-1000");
    });

    test("a channel manager may not create users", async ({ request }) => {
      const res = await request.post("/api/v1/admin/users", {
        data: { email: "x@halcyon.test", name: "X", role: "admin", password: "long-enough-password" },
      });
      expect(res.status()).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    });
  });

  test.describe("as a distributor", () => {
    test.use({ storageState: storageStateOf("northwind") });

    test("staff endpoints answer 403 or 404", async ({ request }) => {
      expect((await request.get("/api/v1/gaps")).status()).toBe(403);
      expect((await request.get("/api/v1/gaps?distributor=NWC")).status()).toBe(403);
      expect((await request.post("/api/v1/admin/distributors", { data: { code: "EVIL", name: "Evil" } })).status()).toBe(403);
      expect((await request.post("/api/v1/sell-in", { data: "distributor_code,sku,ship_date,quantity,document,line\n", headers: { "content-type": "text/csv" } })).status()).toBe(403);
    });
  });

  test.describe("as an admin", () => {
    test.use({ storageState: storageStateOf("admin") });

    test("creates a distributor, a product and a user, loads sell-in twice, and deactivation stops the user at once", async ({ request }) => {
      const code = "T" + Date.now().toString(36).slice(-6).toUpperCase();
      const d = await request.post("/api/v1/admin/distributors", { data: { code, name: "Test Dist", region: "EU" } });
      expect(d.status()).toBe(201);
      expect((await request.post("/api/v1/admin/distributors", { data: { code, name: "Again" } })).status()).toBe(409);
      const sku = "TST-" + code;
      expect((await request.post("/api/v1/admin/products", { data: { sku, description: "Test part", family: "Test", listPrice: 1.5 } })).status()).toBe(201);
      const bad = await request.post("/api/v1/admin/products", { data: { sku: "", description: "", family: "x", listPrice: -1 } });
      expect(bad.status()).toBe(400);
      expect((await bad.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["sku", "description", "listPrice"]));

      const email = `ops@${code.toLowerCase()}.test`;
      const password = "a-long-test-password";
      expect((await request.post("/api/v1/admin/users", { data: { email, name: "Ops", role: "distributor", distributorCode: code, password } })).status()).toBe(201);

      const csv = `distributor_code,sku,ship_date,quantity,document,line\n${code},${sku},2026-10-05,10,SO-${code},1\n${code},${sku},2026-10-06,5,SO-${code},2\n${code},NOPE,2026-10-06,5,SO-${code},3\n${code},${sku},2026-13-06,5,SO-${code},4\n`;
      const first = await (await request.post("/api/v1/sell-in", { data: csv, headers: { "content-type": "text/csv" } })).json();
      expect(first).toMatchObject({ loaded: 2, duplicates: 0 });
      expect(first.errors.map((e: { line: number }) => e.line)).toEqual([4, 5]);
      const again = await (await request.post("/api/v1/sell-in", { data: csv, headers: { "content-type": "text/csv" } })).json();
      expect(again).toMatchObject({ loaded: 0, duplicates: 2 });

      const user = await pwRequest.newContext({ baseURL });
      const { csrfToken } = await (await user.get("/api/auth/csrf")).json();
      await user.post("/api/auth/callback/credentials", { form: { csrfToken, email, password } });
      expect((await user.get("/api/v1/me")).status()).toBe(200);
      expect((await request.patch(`/api/v1/admin/users/${encodeURIComponent(email)}`, { data: { active: false } })).status()).toBe(200);
      expect((await user.get("/api/v1/me")).status()).toBe(401);
      await user.dispose();
    });
  });
});
