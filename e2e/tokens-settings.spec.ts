import { test, expect, request as pwRequest, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { baseURL } from "./env";
import { storageStateOf } from "./accounts";

async function expectNoSeriousAxeViolations(page: Page) {
  // axe.run in the page itself (legacy mode): the app has no frames, and no blank page is opened to finish each run.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

test.describe("API tokens settings", () => {
  test.use({ storageState: storageStateOf("northwind") });

  test("a token is shown once, works as a bearer, and stops working when revoked", async ({ page }) => {
    await page.goto("/settings/tokens");
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await expect(page.getByText(/curl -H "Authorization: Bearer st_…" http:\/\/127\.0\.0\.1:\d+\/api\/v1\/submissions\/\d{4}-\d{2}/)).toBeVisible();

    const name = `ERP export ${Date.now().toString(36)}`;
    await page.getByLabel("Token name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();

    const box = page.getByTestId("new-token");
    await expect(box).toContainText("you will not see it again");
    const secretInput = page.getByLabel("Your new API token");
    await expect(secretInput).toBeFocused();
    const secret = await secretInput.inputValue();
    expect(secret).toMatch(/^st_[A-Za-z0-9_-]{20,}$/);
    await expect(page.getByLabel("Token name")).toHaveValue("");

    const row = page.locator("tbody tr", { has: page.getByRole("rowheader", { name, exact: true }) });
    await expect(row).toContainText(secret.slice(0, 10));
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Never");
    await expectNoSeriousAxeViolations(page);

    // The secret works as a bearer token, for this distributor.
    const api = await pwRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    const me = await api.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).distributor.code).toBe("NWC");

    // Never shown again: not after a reload, not anywhere in the page.
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    await expect(row).toContainText(secret.slice(0, 10));
    await expect(row).not.toContainText("Never"); // last used just now

    // Revoke: a confirm step; Cancel and Escape keep the token.
    const revoke = row.getByRole("button", { name: `Revoke ${name}` });
    await revoke.click();
    await row.getByRole("button", { name: "Cancel" }).click();
    await expect(revoke).toBeFocused();
    await expect(row.getByRole("button", { name: "Revoke token" })).toHaveCount(0);
    await revoke.click();
    await expect(row.getByRole("button", { name: "Revoke token" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(row.getByRole("button", { name: "Revoke token" })).toHaveCount(0);
    expect((await api.get("/api/v1/me")).status()).toBe(200);

    await revoke.click();
    await row.getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

    const after = await api.get("/api/v1/me");
    expect(after.status()).toBe(401);
    expect((await after.json()).error.code).toBe("unauthenticated");
    await api.dispose();
  });

  test("a token needs a name: the error is shown next to the field", async ({ page }) => {
    await page.goto("/settings/tokens");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Name the token (e.g. the system that will use it)")).toBeVisible();
    await expect(page.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("new-token")).toHaveCount(0);
  });
});
