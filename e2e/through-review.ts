import { expect, test, type Page } from "@playwright/test";

/**
 * Submits; when the submission check flags rows (issue 14) the review panel opens with nothing
 * stored, and "Confirm all as reported and submit" is the one action that stores them.
 */
export async function submitThroughReview(page: Page, click: () => Promise<void>, receipt: RegExp) {
  // Up to two round trips (the check, then the confirmation) on a loaded machine.
  test.slow();
  await click();
  const review = page.getByTestId("review-panel");
  await expect(review.or(page.getByTestId("receipt-quality"))).toBeVisible({ timeout: 30_000 });
  if (await review.isVisible()) await page.getByTestId("review-confirm-all").click();
  await expect(page).toHaveURL(receipt, { timeout: 30_000 });
}
