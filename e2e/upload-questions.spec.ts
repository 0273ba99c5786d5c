import { test, expect, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";

/**
 * Issue 15 on the distributor's screen: the questions an upload asks are answered there. Lines
 * identical in every field are counted until the distributor keeps or drops them; quantities in
 * cases of a SKU whose pack size is unknown are not counted until the distributor says how many units
 * a case holds (for this file). Northwind's screen, preview only: nothing is applied.
 */
test.use({ storageState: storageStateOf("northwind") });

const PERIOD = "2026-10";
const digits = (s: string) => Number(s.replace(/[^\d-−]/g, "").replace("−", "-"));

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto(`/submit?period=${PERIOD}`);
  const panel = page.getByTestId("upload-panel");
  const open = panel.getByRole("button", { name: "Upload a file" });
  if (await open.isVisible()) await open.click();
  await panel.getByLabel("Choose a POS or inventory file").setInputFiles(file);
  await expect(panel.getByTestId("upload-review")).toBeVisible({ timeout: 30_000 });
  return panel;
}

test("identical lines: counted until the distributor drops them as sent twice", async ({ page }) => {
  const run = Date.now().toString(36).toUpperCase();
  const csv = [
    "Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer",
    `10/15/2026,DUP-${run},1,MCU-1000,Controller,4,1.00,Acme`,
    `10/15/2026,DUP-${run},1,MCU-1000,Controller,4,1.00,Acme`,
    `10/16/2026,DUP-${run},2,MCU-1000,Controller,1,1.00,Acme`,
  ].join("\n");
  const panel = await upload(page, { name: `dups-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  const question = panel.getByTestId("upload-duplicates-question");
  await expect(question).toContainText("1 line is identical in every field to an earlier line (line 3)");
  expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(9);
  await question.screenshot({ path: "test-results/upload-duplicates-question.png" });
  await question.getByRole("button", { name: "Drop them (sent twice)" }).click();
  await expect(panel.getByText("Identical lines dropped as sent twice.")).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId("upload-duplicates-question")).toHaveCount(0);
  expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(5);
});

test("cases of a SKU without a pack size: not counted until the distributor gives units per case", async ({ page }) => {
  const sender = `Q${Date.now().toString(36).toUpperCase()}`.slice(0, 15);
  const isa = ["ISA", "00", "", "00", "", "ZZ", sender, "ZZ", "HALCYONSEMI", "261105", "0930", "U", "00401", "0000000043", "0", "P", ">"].join("*");
  const body = ["ST*867*0001", "BPT*00*Q1*20261105*DR", "DTM*090*20261001", "DTM*091*20261031", "PTD*SS", "DTM*003*20261015", "REF*IV*Q1",
    "QTY*39*2*CA", "LIN*1*VP*MCU-1000", "QTY*39*3*EA", "LIN*2*VP*LDO-330", "SE*12*0001"];
  const edi = [isa, `GS*PT*${sender}*HALCYONSEMI*20261105*0930*8*X*004010`, ...body, "GE*1*8", "IEA*1*0000000043"].join("~\n") + "~\n";
  const panel = await upload(page, { name: "cases.edi", mimeType: "application/edi-x12", buffer: Buffer.from(edi) });
  const question = panel.getByTestId("upload-pack-sizes-question");
  await expect(question).toContainText("MCU-1000 · 1 row in CA");
  expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(3);
  await question.screenshot({ path: "test-results/upload-pack-sizes-question.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await question.screenshot({ path: "test-results/upload-pack-sizes-question-phone.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  await question.getByLabel("Units per CA of MCU-1000").fill("0");
  await question.getByRole("button", { name: "Read again with these pack sizes" }).click();
  await expect(question.getByRole("alert")).toContainText("whole number from 1 to 100,000");
  await question.getByLabel("Units per CA of MCU-1000").fill("100");
  await question.getByRole("button", { name: "Read again with these pack sizes" }).click();
  await expect(panel.getByText(/Read again with the pack sizes you gave/)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId("upload-pack-sizes-question")).toHaveCount(0);
  expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(203);
});

test("two weekly files of one month: the second offers to combine them, and the month's totals add up", async ({ page }) => {
  const run = Date.now().toString(36).toUpperCase();
  const csv = (rows: [string, string, number][]) =>
    ["Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer", ...rows.map(([d, sku, q], i) => `${d},WK-${run}-${d.slice(3, 5)},${i + 1},${sku},Part,${q},1.00,Acme`)].join("\n");
  const month = "2026-05";
  const open = async (name: string, body: string) => {
    await page.goto(`/submit?period=${month}`);
    const panel = page.getByTestId("upload-panel");
    const opener = panel.getByRole("button", { name: "Upload a file" });
    if (await opener.isVisible()) await opener.click();
    await panel.getByLabel("Choose a POS or inventory file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(body) });
    await expect(panel.getByTestId("upload-review")).toBeVisible({ timeout: 30_000 });
    return panel;
  };
  const first = await open(`week1-${run}.csv`, csv([["05/01/2026", "MCU-1000", 5], ["05/07/2026", "LDO-330", 2]]));
  await expect(first.getByTestId("upload-coverage")).toContainText("Covers 1–7 May only — 7 of 31 days");
  const panel = await open(`week2-${run}.csv`, csv([["05/08/2026", "MCU-1000", 3], ["05/14/2026", "MCU-1000", 1]]));
  const offer = panel.getByTestId("upload-combine-offer");
  await expect(offer).toContainText(`week1-${run}.csv (1–7 May)`);
  expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(4);
  await offer.screenshot({ path: "test-results/upload-combine-offer.png" });
  await offer.getByRole("button", { name: "Combine into the month" }).click();
  await expect(panel.getByTestId("upload-combined")).toContainText(`Combined with week1-${run}.csv (1–7 May)`, { timeout: 30_000 });
  await expect(panel.getByTestId("upload-coverage")).toContainText("Covers 1–14 May only — 14 of 31 days");
  expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(11);
  await panel.getByTestId("upload-combined").screenshot({ path: "test-results/upload-combined.png" });
  await panel.getByTestId("upload-combined").getByRole("button", { name: "Use this file alone" }).click();
  await expect(panel.getByTestId("upload-combine-offer")).toBeVisible({ timeout: 30_000 });
  expect(digits(await panel.getByTestId("upload-total-sold").innerText())).toBe(4);
});
