/**
 * Issue 16, item 5: the profile page, reached from the user's name in either shell: name, language,
 * time zone and e-mail notices are kept; changing the password keeps this session, ends the others,
 * and the new password signs in. Users of their own: a password change ends sessions.
 */
import { test, expect, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { newUser, NEW_USER_PASSWORD } from "./new-user";

/** Sign-in is a scrypt check and the landing page a full render: on a loaded machine that takes more than the default 10 s. */
const SIGNED_IN = { timeout: 30_000 };

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a user changes name, language, time zone and notices; they are kept", async ({ page }) => {
  const email = await newUser("profile");
  await signInWith(page, email, NEW_USER_PASSWORD);
  await expect(page).toHaveURL(/\/gaps$/, SIGNED_IN);
  await page.getByTitle("Your profile").click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByLabel("Language and number format")).toHaveValue("");
  await expect(page.getByLabel("Time zone")).toHaveValue("");

  await page.getByLabel("Name").fill("Pat Profile");
  await page.getByLabel("Language and number format").selectOption("de-DE");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("E-mail notifications").uncheck();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("profile-message")).toHaveText("Profile saved.");

  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue("Pat Profile");
  await expect(page.getByLabel("Language and number format")).toHaveValue("de-DE");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByLabel("E-mail notifications")).not.toBeChecked();
  await expect(page.getByTitle("Your profile")).toHaveText("Pat Profile");

  // An empty name is refused next to the field; nothing is saved.
  await page.getByLabel("Name").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue("Pat Profile");
});

test("a user changes the password: this session stays, another ends, the new password signs in", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = await newUser("change-pw");
  const NEW = "my own new password";
  const [a, b] = [await browser.newContext(), await browser.newContext()];
  const [pa, pb] = [await a.newPage(), await b.newPage()];
  for (const p of [pa, pb]) {
    await signInWith(p, email, NEW_USER_PASSWORD);
    await expect(p).toHaveURL(/\/gaps$/, SIGNED_IN);
  }

  await pa.goto("/profile");
  await pa.getByLabel("Current password").fill("not the password at all");
  await pa.getByLabel("New password", { exact: true }).fill(NEW);
  await pa.getByLabel("Repeat new password").fill(NEW);
  await pa.getByRole("button", { name: "Change password" }).click();
  await expect(pa.getByText("That is not your current password").first()).toBeVisible();

  await pa.getByLabel("Current password").fill(NEW_USER_PASSWORD);
  await pa.getByLabel("New password", { exact: true }).fill(NEW);
  await pa.getByLabel("Repeat new password").fill(NEW);
  await pa.getByRole("button", { name: "Change password" }).click();
  // Three scrypt steps (verify, hash, sign in again): give a loaded machine time.
  await expect(pa.getByTestId("change-password-message")).toContainText("Password changed.", { timeout: 30_000 });
  await expect(pa.getByLabel("Current password")).toHaveValue("");

  // This browser is still signed in; the other session has ended.
  await pa.goto("/gaps");
  await expect(pa).toHaveURL(/\/gaps$/, SIGNED_IN);
  await pb.goto("/gaps");
  await expect(pb).toHaveURL(/\/sign-in/, SIGNED_IN);

  await signInWith(pb, email, NEW_USER_PASSWORD);
  await expect(pb.getByText("That e-mail and password do not match an active account.")).toBeVisible();
  await signInWith(pb, email, NEW);
  await expect(pb).toHaveURL(/\/gaps$/, SIGNED_IN);
  await a.close();
  await b.close();
});

test.describe("in the distributor portal", () => {
  test.use({ storageState: storageStateOf("northwind") });

  test("the profile opens from the name in the portal's shell", async ({ page }) => {
    await page.goto("/submit");
    await page.getByTitle("Your profile").click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
    await expect(page.getByText("Signed in as ops@northwind.test")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Submit" })).toBeVisible();
  });
});
