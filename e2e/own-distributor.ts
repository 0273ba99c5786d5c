/** Helpers of the specs that create a distributor of their own (so nothing another spec reads changes). */
import { expect, type Page } from "@playwright/test";
export { addPeriods } from "../lib/domain/periods";

/** Signs a distributor user in and waits for its submission screen (of `period`, when given) to be ready. */
export async function signInToGrid(page: Page, email: string, password: string, period?: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/submit$/);
  if (period) await page.goto(`/submit?period=${period}`);
  await expect(page.getByTestId("submission-grid")).toHaveAttribute("data-ready", "1");
}
