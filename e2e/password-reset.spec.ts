/**
 * Issue 16, item 5: "Forgot password?" end to end through the outbox. A new user asks for a reset on
 * the sign-in page (an unknown address gets the very same answer), the admin finds the message in
 * the outbox and shows its link (no SMTP in the e2e server: the outbox is where mail waits), the user
 * opens it, sets a new password and signs in with it; the link is refused afterwards.
 */
import { test, expect, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { baseURL } from "./env";
import { newUser, NEW_USER_PASSWORD } from "./new-user";

/** Sign-in is a scrypt check and the landing page a full render: on a loaded machine that takes more than the default 10 s. */
const SIGNED_IN = { timeout: 30_000 };

const NEW_PASSWORD = "a fresh password from the link";
const INVALID = "This reset link cannot be used: it has expired, was already used, or is not a link we sent. Ask for a new one.";

async function askForReset(page: Page, email: string): Promise<string> {
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByTestId("forgot-password-message");
  await expect(answer).toContainText("If an active account uses that address");
  return (await answer.textContent()) ?? "";
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a new user resets a forgotten password through the link in the outbox, signs in with it, and the link then works no more", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = await newUser("reset");

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const known = await askForReset(page, email);
  // No account enumeration: an address without an account gets the same words.
  const unknown = await askForReset(page, `nobody-${Date.now()}@halcyon.test`);
  expect(unknown).toBe(known);

  // The admin's outbox holds the message; its link is hidden until the admin asks to see it (audited).
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const outbox = await admin.newPage();
  await outbox.goto("/admin/outbox");
  const row = outbox.getByRole("region", { name: "Outbox messages" }).locator("tbody tr", { hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: "Reset your Sellthru password" }).click();
  await expect(outbox.getByTestId("outbox-body")).toContainText("[reset link hidden]");
  await outbox.getByRole("button", { name: "Show the reset link" }).click();
  const link = ((await outbox.getByTestId("reset-link").textContent()) ?? "").trim();
  expect(link).toMatch(new RegExp(`^${baseURL.replace(/[.]/g, "\\.")}/reset-password\\?token=[A-Za-z0-9_-]{43}$`));
  await admin.close();

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("reset-password-message")).toContainText("Your new password is set");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in/, SIGNED_IN);

  await signInWith(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/gaps$/, SIGNED_IN);

  // The old password no longer signs in, and the used link is refused with the one message.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signInWith(stranger, email, NEW_USER_PASSWORD);
  await expect(stranger.getByText("That e-mail and password do not match an active account.")).toBeVisible();
  await stranger.goto(link);
  await expect(stranger.getByTestId("reset-password-message")).toHaveText(INVALID);
  await expect(stranger.getByLabel("New password", { exact: true })).toHaveCount(0);
  await other.close();
});

test("a reset link nobody sent gets the same one message", async ({ page }) => {
  await page.goto(`/reset-password?token=${"A".repeat(43)}`);
  await expect(page.getByTestId("reset-password-message")).toHaveText(INVALID);
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});
