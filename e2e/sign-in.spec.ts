import { test, expect } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf, type AccountName } from "./accounts";
import { newUser, NEW_USER_PASSWORD } from "./new-user";

test.describe("signing in", () => {
  test("a wrong password shows an error and keeps the e-mail", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill("manager@halcyon.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That e-mail and password do not match an active account.")).toBeVisible();
    await expect(page.getByLabel("E-mail")).toHaveValue("manager@halcyon.test");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an empty form is refused next to the fields", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your e-mail address")).toBeVisible();
    await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  });

  test("a signed-out visitor is sent to sign in", async ({ page }) => {
    await page.goto("/gaps");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the rebate analyst signs in and lands on the gap view", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(ACCOUNTS.rebates.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/gaps$/);
  });
});

/** One account of each role opens the front door (every account's landing after sign-in is checked by auth.setup.ts). */
const FRONT_DOOR = new Set<AccountName>(["admin", "manager", "rebates", "northwind"]);

for (const name of Object.keys(ACCOUNTS) as AccountName[]) {
  test.describe(`as ${name}`, () => {
    test.use({ storageState: storageStateOf(name) });

    test(`${FRONT_DOOR.has(name) ? `lands on ${ACCOUNTS[name].landing} and ` : ""}the API knows the role`, async ({ page }) => {
      if (FRONT_DOOR.has(name)) {
        await page.goto("/");
        await expect(page).toHaveURL(new RegExp(ACCOUNTS[name].landing + "$"));
      }
      const me = await page.request.get("/api/v1/me");
      expect(me.status()).toBe(200);
      const body = await me.json();
      expect(body.user.email).toBe(ACCOUNTS[name].email);
      expect(body.role).toBe(ACCOUNTS[name].role);
    });
  });
}

test.describe("signing out", () => {
  // A user of its own: signing out ends every session of the user, and other specs reuse the demo accounts' saved ones.
  test("ends the session", async ({ page }) => {
    const email = await newUser("sign-out");
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(NEW_USER_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/gaps$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/gaps");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
