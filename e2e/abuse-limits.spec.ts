import { test, expect, request as pwRequest } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf } from "./accounts";

async function scriptedSignIn(ctx: Awaited<ReturnType<typeof pwRequest.newContext>>, email: string, password: string) {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  return ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password }, maxRedirects: 0 });
}

test.describe("abuse limits", () => {
  test("repeated failures for one account are throttled (429 for scripts, a message in the form) without locking others out", async ({ page }) => {
    const ctx = await pwRequest.newContext({ baseURL });
    const victim = `probe-${Date.now()}@halcyon.test`;
    for (let i = 0; i < 5; i++) expect((await scriptedSignIn(ctx, victim, "wrong-password")).status()).not.toBe(429);
    const blocked = await scriptedSignIn(ctx, victim, "wrong-password");
    expect(blocked.status()).toBe(429);
    expect((await blocked.json()).error.code).toBe("rate_limited");
    // Another account still signs in.
    await scriptedSignIn(ctx, "rebates@halcyon.test", "sellthru-demo");
    expect((await ctx.get("/api/v1/me")).status()).toBe(200);
    await ctx.dispose();

    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(victim);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Too many failed sign-in attempts")).toBeVisible();
  });

  test.describe("as a distributor", () => {
    test.use({ storageState: storageStateOf("northwind") });
    test("a 6 MB JSON submission is refused with 413 and stores nothing", async ({ request }) => {
      const periods = await (await request.get("/api/v1/periods")).json();
      const open = periods.find((p: { state: string }) => p.state === "open").period;
      const before = await (await request.get(`/api/v1/submissions/${open}/revisions`)).json();
      const big = JSON.stringify({ baseRevision: null, lines: [{ sku: "MCU-1000", sold: 1, returned: 0, onHand: 1, note: "x".repeat(6 * 1024 * 1024) }] });
      const res = await request.post(`/api/v1/submissions/${open}`, {
        data: big,
        headers: { "content-type": "application/json", "idempotency-key": `big-${Date.now()}` },
      });
      expect(res.status()).toBe(413);
      expect((await res.json()).error.code).toBe("payload_too_large");
      const after = await (await request.get(`/api/v1/submissions/${open}/revisions`)).json();
      expect(after.length).toBe(before.length);
    });
  });
});
