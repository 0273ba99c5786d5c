/**
 * Issue 12, item 5: a page of another origin — here another port of the same host, which the
 * SameSite=Lax session cookie does not stop — cannot make the signed-in admin's browser change
 * anything (it used to create an admin with a text/plain POST). Scripts sending JSON and API
 * tokens are unaffected.
 */
import http from "node:http";
import { test, expect } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf } from "./accounts";

test.describe("cross-origin requests with the admin's cookie", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a form on another origin posting text/plain is refused (403) and creates nobody", async ({ page }) => {
    const email = `csrf-${Date.now()}@evil.test`;
    const body = `{"email":"${email}","name":"Evil","role":"admin","password":"evil-password-long", "x":"=`;
    // The attacker's page, on another port of this host: a same-site but cross-origin page.
    const attacker = http.createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<form id="f" method="POST" enctype="text/plain" action="${baseURL}/api/v1/admin/users"><input name='${body}' value='"}'></form>`);
    });
    await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", r));
    try {
      const { port } = attacker.address() as { port: number };
      await page.goto(`http://127.0.0.1:${port}/`);
      const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/admin/users"));
      await page.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit());
      const res = await answer;
      expect(res.status()).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    } finally {
      attacker.close();
    }
    await page.goto("/admin/users");
    await expect(page.getByText("manager2@halcyon.test").first()).toBeVisible();
    await expect(page.getByText(email)).toHaveCount(0);
  });

  test("the same POST from a script: refused with another Origin, or text/plain without one; JSON and tokens go through", async ({ request }) => {
    const data = (tag: string) => JSON.stringify({ code: `X${tag}`, name: `Origin test ${tag}` });
    const tag = String(Date.now()).slice(-6);
    const crossSite = await request.post("/api/v1/admin/distributors", { data: data(`A${tag}`), headers: { "content-type": "text/plain", origin: "http://evil.example" } });
    expect(crossSite.status()).toBe(403);
    const fetchSite = await request.post("/api/v1/admin/distributors", { data: data(`B${tag}`), headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" } });
    expect(fetchSite.status()).toBe(403);
    const plain = await request.post("/api/v1/admin/distributors", { data: data(`C${tag}`), headers: { "content-type": "text/plain" } });
    expect(plain.status()).toBe(403);
    const json = await request.post("/api/v1/admin/distributors", { data: data(`D${tag}`), headers: { "content-type": "application/json" } });
    expect(json.status()).toBe(201);

    const created = await request.post("/api/v1/tokens", { data: { name: `origin-${tag}` } });
    expect(created.status()).toBe(201);
    const { secret } = await created.json();
    const withToken = await fetch(`${baseURL}/api/v1/admin/distributors`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "text/plain", origin: "http://evil.example" },
      body: data(`E${tag}`),
    });
    expect(withToken.status).toBe(201);
  });
});
