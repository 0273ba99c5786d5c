import { test, expect } from "@playwright/test";
import { storageStateOf } from "./accounts";

/**
 * Issue 14: the submission check's limits are the admin's settings. The settings page shows them
 * (mismatch units and %, outlier factor and minimum units); a value out of range is refused with the
 * field named, and nothing is saved. (A valid save is covered by the integration test, which does not
 * change the limits every other spec relies on.)
 */
test.use({ storageState: storageStateOf("admin") });

test("the admin sees the submission check's limits; an out-of-range value is refused and nothing saved", async ({ page, request }) => {
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Deadline settings" });
  const check = form.getByRole("group", { name: "Submission check" });
  await expect(check.getByLabel("Mismatch units")).toHaveValue("50");
  await expect(check.getByLabel("Mismatch %")).toHaveValue("10");
  await expect(check.getByLabel("Outlier factor")).toHaveValue("3");
  await expect(check.getByLabel("Outlier minimum units")).toHaveValue("50");

  await check.getByLabel("Outlier factor").fill("1");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form).toContainText("Outlier factor is at least 2");
  await page.reload();
  await expect(page.getByRole("group", { name: "Submission check" }).getByLabel("Outlier factor")).toHaveValue("3");
  expect((await request.get("/api/v1/me")).status()).toBe(200);
});
