/**
 * Issue 12, item 4: sessions end when they should. Sign-out, an admin's password reset and
 * deactivation end the user's sessions — replaying an old cookie gets 401 (API) or the sign-in page —
 * deactivation also ends API tokens, and reactivating brings none of them back.
 */
import { test, expect } from "@playwright/test";
import { baseURL } from "./env";
import { RawClient } from "./raw-client";
import { asAdmin, newUser, NEW_USER_PASSWORD } from "./new-user";

const PASSWORD = NEW_USER_PASSWORD;

/** A second client replaying the cookies `from` had (an old cookie kept by whoever copied it). */
function replay(from: RawClient): RawClient {
  const copy = new RawClient(from.localAddress);
  for (const [k, v] of from.jar) copy.jar.set(k, v);
  return copy;
}

test.describe("sessions that end", () => {
  test("signing out on the screen kills the old cookie, and the user's other sessions", async ({ browser }) => {
    const email = await newUser("signout");
    const other = new RawClient();
    await other.signIn(email, PASSWORD);
    expect(await other.signedIn()).toBe(true);

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/gaps$/);
    const kept = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();

    // The cookie from before the sign-out, replayed: the API says 401, a page sends to sign-in.
    const old = await browser.newContext({ baseURL });
    await old.addCookies(kept);
    const api = await old.request.get("/api/v1/me");
    expect(api.status()).toBe(401);
    const oldPage = await old.newPage();
    await oldPage.goto("/gaps");
    await expect(oldPage).toHaveURL(/\/sign-in/);
    await old.close();
    expect(await other.signedIn()).toBe(false);
  });

  test("a scripted sign-out (POST /api/auth/signout) kills its cookie too", async () => {
    const email = await newUser("script-signout");
    const client = new RawClient();
    await client.signIn(email, PASSWORD);
    const copy = replay(client);
    expect(await copy.signedIn()).toBe(true);
    const csrfToken = await client.csrf();
    await client.request("POST", "/api/auth/signout", { form: { csrfToken } });
    expect(await copy.signedIn()).toBe(false);
  });

  test("an admin's password reset ends sessions; deactivation ends sessions and tokens, and reactivation brings none back", async () => {
    const email = await newUser("reset");
    const user = new RawClient();
    await user.signIn(email, PASSWORD);
    const tokenRes = await fetch(`${baseURL}/api/v1/tokens`, { method: "POST", headers: { cookie: user.cookieHeader, "content-type": "application/json" }, body: JSON.stringify({ name: "erp" }) });
    expect(tokenRes.status).toBe(201);
    const { secret } = (await tokenRes.json()) as { secret: string };
    const withToken = () => fetch(`${baseURL}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } }).then((r) => r.status);
    expect(await withToken()).toBe(200);

    const patch = (data: unknown) =>
      asAdmin(async (admin) => {
        const res = await admin.patch(`/api/v1/admin/users/${encodeURIComponent(email)}`, { data });
        expect(res.status(), await res.text()).toBe(200);
      });

    await patch({ password: "a brand new long password" });
    expect(await user.signedIn()).toBe(false);
    expect(await withToken()).toBe(200); // a password reset leaves API tokens alone

    const again = new RawClient();
    await again.signIn(email, "a brand new long password");
    expect(await again.signedIn()).toBe(true);
    await patch({ active: false });
    expect(await again.signedIn()).toBe(false);
    expect(await withToken()).toBe(401);
    await patch({ active: true });
    expect(await again.signedIn()).toBe(false);
    expect(await withToken()).toBe(401);
    const fresh = new RawClient();
    await fresh.signIn(email, "a brand new long password");
    expect(await fresh.signedIn()).toBe(true);
  });
});
