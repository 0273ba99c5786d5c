/**
 * Issue 15 items 5, 8 and 10 on the distributor's screen (Northwind, preview only — nothing is
 * applied or submitted): a file the reader cannot map with confidence asks in words and blocks
 * "Apply" until the mapping is confirmed; dates the file cannot order ask for the order; a file
 * covering one week of the month says so.
 */
import { test, expect, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";

const PERIOD = "2026-10";
const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

async function upload(page: Page, file: ReturnType<typeof csv>) {
  const panel = page.getByTestId("upload-panel");
  const open = panel.getByRole("button", { name: "Upload a file" });
  if (await open.isVisible()) await open.click();
  await panel.getByLabel("Choose a POS or inventory file").setInputFiles(file);
  await expect(panel.getByTestId("upload-review")).toBeVisible({ timeout: 30_000 });
  return panel;
}

test.describe("upload questions and coverage", () => {
  test.use({ storageState: storageStateOf("northwind") });

  test("a line-level file without a date column asks which column holds the date, in words, before anything is summed", async ({ page }) => {
    await page.goto(`/submit?period=${PERIOD}`);
    const panel = await upload(page, csv("no-date-e2e.csv", "InvoiceNo,StockCode,ProdQt,Posted On\nI1,MCU-1000,5,x\nI2,LDO-330,3,y\n"));
    const reasons = panel.getByTestId("upload-mapping-reasons");
    await expect(reasons).toContainText("no date column was found: which column holds the date?");
    await expect(panel.getByTestId("upload-apply")).toBeDisabled();
    // The CamelCase and abbreviated headers were understood: the suggestion shows them mapped.
    const selects = panel.getByTestId("upload-mapping").locator("select");
    await expect(selects.nth(0)).toHaveValue("invoice");
    await expect(selects.nth(1)).toHaveValue("sku");
    await expect(selects.nth(2)).toHaveValue("quantity");
  });

  test("dates no value and no period can order ask for the order; the answer re-reads the file", async ({ page }) => {
    await page.goto(`/submit?period=${PERIOD}`);
    const panel = await upload(page, csv("ambiguous-dates-e2e.csv", "Sale Date,SKU,Units\n05/10/2026,MCU-1000,5\n10/05/2026,LDO-330,3\n"));
    await expect(panel.getByText("could be either order")).toBeVisible();
    await panel.getByRole("button", { name: /Day\/month/ }).click();
    await expect(panel.getByText("Date order confirmed")).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByText("could be either order")).toHaveCount(0);
  });

  test("a file of one week says it covers part of the month", async ({ page }) => {
    await page.goto(`/submit?period=${PERIOD}`);
    const panel = await upload(page, csv("one-week-e2e.csv", "InvoiceDate,Invoice,Part,Qty\n2026-10-23,W1,MCU-1000,5\n2026-10-29,W2,LDO-330,2\n"));
    await expect(panel.getByTestId("upload-coverage")).toHaveText("Covers 23–29 Oct only — 7 of 31 days of the period, by its lines’ dates");
    await panel.getByTestId("upload-warnings").locator("summary").click();
    await expect(panel.getByText("The file's lines are dated 23–29 Oct only, 7 of 31 days of the period")).toBeVisible();
  });
});
