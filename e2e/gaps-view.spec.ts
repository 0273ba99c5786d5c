import fs from "node:fs/promises";
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { storageStateOf } from "./accounts";

/** Read-only: the gap view, its exports and the drill-down, as a channel manager. */
test.use({ storageState: storageStateOf("manager") });

const CSV_HEADER = "distributor,sku,description,family,opening,sellIn,sellThrough,returns,adjustments,calculated,reported,gap,gapPct,newGap,weeksOfSupply,flags";

async function expectNoSeriousAxeViolations(page: Page) {
  // axe.run in the page itself (legacy mode): the app has no frames, and no blank page is opened to finish each run.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

const workedRow = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("link", { name: "MCU-1000", exact: true }) }).filter({ hasText: "NWC" });

test("a manager filters to significant mismatches, sorts, shares, exports and drills down", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/gaps");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calculated vs reported inventory");
  await expectNoSeriousAxeViolations(page);

  // Significant mismatches, then NWC: the worked example is there.
  await page.getByRole("button", { name: /Significant mismatches/ }).click();
  await expect(page).toHaveURL(/significant=1/);
  await expect(page.getByRole("button", { name: /Significant mismatches/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Distributor", { exact: true }).selectOption("NWC");
  await expect(page).toHaveURL(/distributor=NWC/);
  const row = workedRow(page);
  await expect(row).toBeVisible();
  const cells = row.getByRole("cell");
  await expect(cells.nth(8)).toHaveText("300"); // calculated
  await expect(cells.nth(9)).toHaveText("240"); // reported
  await expect(cells.nth(10)).toHaveText("+60"); // gap
  await expect(cells.nth(11)).toHaveText("20.0 %"); // gap %

  // Sort by a column: the header says so, the URL carries it, the order follows.
  await page.getByRole("link", { name: /^Calculated/ }).click();
  await expect(page).toHaveURL(/sort=-calculated/);
  await expect(page.getByRole("columnheader", { name: /Calculated/ })).toHaveAttribute("aria-sort", "descending");
  const calc = await page.locator("tbody tr[data-row] td:nth-child(9)").allTextContents();
  const values = calc.map((s) => Number(s.replace(/[^\d\u2212-]/g, "").replace("\u2212", "-")));
  expect(values.length).toBeGreaterThan(0);
  expect(values).toEqual([...values].sort((a, b) => b - a));

  // The URL is the state: a fresh visit of the same link shows the same view.
  const shared = page.url();
  expect(shared).toMatch(/significant=1/);
  expect(shared).toMatch(/distributor=NWC/);
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole("button", { name: /Significant mismatches/ })).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByLabel("Distributor", { exact: true })).toHaveValue("NWC");
  await expect(workedRow(other)).toBeVisible();
  await other.close();

  // CSV export: the contract's header, every row, formula-safe.
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^gaps-\d{4}-\d{2}-NWC\.csv$/);
  const csv = await fs.readFile((await csvDownload.path())!, "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines.find((l) => l.startsWith("NWC,MCU-1000,"))).toMatch(/,300,240,60,20,/);
  for (const l of lines.slice(1)) expect(l).not.toMatch(/(^|,)[=+@]/);

  // XLSX export: numbers are numbers, no cell is a formula.
  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export XLSX" }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsxDownload.path())!);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(1).value).toBe("Distributor");
  let found = false;
  ws.eachRow((r, i) => {
    r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula));
    if (i > 1 && r.getCell(1).value === "NWC" && r.getCell(2).value === "MCU-1000") {
      found = true;
      expect(r.getCell(10).value).toBe(300);
      expect(r.getCell(11).value).toBe(240);
      expect(r.getCell(12).value).toBe(60);
      expect(r.getCell(13).value).toBe(20);
    }
  });
  expect(found).toBe(true);

  // Keyboard: focus the row, Enter opens the drill-down with the chart and the movements.
  await workedRow(page).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/gaps\/NWC\/MCU-1000\?period=\d{4}-\d{2}/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("NWC × MCU-1000");
  await expect(page.getByTestId("inventory-flow-chart").locator(".recharts-wrapper > svg")).toBeVisible();
  await expect(page.getByTestId("inventory-flow-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const movements = page.getByRole("region", { name: "Movements" });
  await expect(movements.getByRole("row").filter({ hasText: "Sell-in shipment" }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Submission revisions" }).getByRole("row").nth(1)).toBeVisible();
  expect(await page.getByRole("region", { name: "Ledger by period" }).getByRole("row").count()).toBeGreaterThanOrEqual(2);
});

test("the API pages with a keyset cursor, filters by several flags and sorts descending", async ({ request }) => {
  const first = await request.get("/api/v1/gaps?limit=50&sort=-gap");
  expect(first.status()).toBe(200);
  const a = await first.json();
  expect(a.rows).toHaveLength(50);
  expect(a.nextCursor).toEqual(expect.any(String));
  const second = await (await request.get(`/api/v1/gaps?limit=50&sort=-gap&cursor=${encodeURIComponent(a.nextCursor)}`)).json();
  const keys = new Set(a.rows.map((r: { distributor: string; sku: string }) => `${r.distributor}|${r.sku}`));
  for (const r of second.rows) expect(keys.has(`${r.distributor}|${r.sku}`)).toBe(false);
  const gaps = [...a.rows, ...second.rows].map((r: { gap: number | null }) => r.gap ?? -Infinity);
  expect(gaps).toEqual([...gaps].sort((x, y) => y - x));
  expect(second.totals).toEqual(a.totals);

  const flagged = await (await request.get("/api/v1/gaps?flag=excess,burning_down&limit=500")).json();
  expect(flagged.rows.length).toBeGreaterThan(0);
  for (const r of flagged.rows) expect(r.flags.some((f: string) => f === "excess" || f === "burning_down")).toBe(true);
  expect((await request.get("/api/v1/gaps?flag=nope")).status()).toBe(400);
  expect((await request.get("/api/v1/gaps?cursor=garbage")).status()).toBe(400);
});

test("rows are fetched ahead when the pointer reaches them, not all as the view renders", async ({ page }) => {
  // Next's prefetch requests carry this header; a plain Link would send one per visible row and sort heading.
  const prefetched: string[] = [];
  page.on("request", (req) => {
    if (req.headers()["next-router-prefetch"]) prefetched.push(new URL(req.url()).pathname + new URL(req.url()).search.replace(/[?&]_rsc=[^&]*/, ""));
  });
  // Northwind's rows: the whole view's first page depends on what other specs have submitted.
  await page.goto("/gaps?distributor=NWC");
  const row = workedRow(page).first();
  await expect(row).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The menu may prefetch its few pages (the gap view's own link among them); no drill-down and no sorted copy of this view.
  expect(prefetched.filter((u) => u.startsWith("/gaps/") || u.startsWith("/gaps?"))).toEqual([]);
  await row.getByRole("link", { name: "MCU-1000", exact: true }).hover();
  await expect.poll(() => prefetched.filter((u) => u.startsWith("/gaps/NWC/MCU-1000")).length).toBeGreaterThan(0);
  expect(prefetched.filter((u) => u.startsWith("/gaps/") && !u.startsWith("/gaps/NWC/MCU-1000"))).toEqual([]);
});
