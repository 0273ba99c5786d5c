import { test as setup, expect } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf, type AccountName } from "./accounts";

for (const name of Object.keys(ACCOUNTS) as AccountName[]) {
  setup(`sign in as ${name}`, async ({ page }) => {
    const account = ACCOUNTS[name];
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(account.landing + "$"));
    await page.context().storageState({ path: storageStateOf(name) });
  });
}
