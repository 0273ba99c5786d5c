import fs from "node:fs/promises";
import { test, expect, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";

/** Unique per run and per test, so reruns and parallel specs never collide (codes have at most 12 characters). */
const uniq = () => (Date.now().toString(36) + Math.random().toString(36).slice(2, 4)).toUpperCase();

/** A month that has ended and lies inside the demo's history. */
function pastMonth(back = 2): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 7);
}

async function makeDistributorAndProduct(page: Page, tag: string) {
  const code = `E${tag}`.slice(0, 12);
  const sku = `E2E-${tag}`;
  const d = await page.request.post("/api/v1/admin/distributors", { data: { code, name: `E2E Distributor ${tag}`, region: "Test" } });
  expect(d.status()).toBe(201);
  const p = await page.request.post("/api/v1/admin/products", { data: { sku, description: `E2E part ${tag}`, family: "E2E", listPrice: "3.50" } });
  expect(p.status()).toBe(201);
  return { code, sku };
}

function csvFile(name: string, text: string) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

test.describe("data admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("loading a sell-in file twice loads it once and lists the bad row by line", async ({ page }) => {
    const tag = uniq();
    const { code, sku } = await makeDistributorAndProduct(page, tag);
    const month = pastMonth();
    const csv = [
      "distributor_code,sku,ship_date,quantity,document,line",
      `${code},${sku},${month}-03,100,SO-${tag},1`,
      `${code},${sku},${month}-12,250,SO-${tag},2`,
      `${code},NO-SUCH-${tag},${month}-12,5,SO-${tag},3`,
      `${code},${sku},${month}-20,50,SO-${tag},4`,
    ].join("\r\n");

    await page.goto("/admin/sell-in");
    await expect(page.getByRole("heading", { level: 1, name: "Load sell-in" })).toBeVisible();
    await expect(page.getByText(/loads nothing twice/)).toBeVisible();
    await page.getByLabel("CSV file").setInputFiles(csvFile(`shipments-${tag}.csv`, csv));
    await expect(page.getByTestId("chosen-file")).toContainText(`shipments-${tag}.csv`);
    await page.getByRole("button", { name: "Load sell-in" }).click();

    const report = page.getByTestId("sell-in-report");
    await expect(report.getByTestId("stat-loaded")).toContainText("3");
    await expect(report.getByTestId("stat-duplicates")).toContainText("0");
    await expect(report.getByTestId("stat-rejected")).toContainText("1");
    const rejected = report.getByRole("region", { name: "Rejected rows", exact: true });
    await expect(rejected.getByRole("row")).toHaveCount(2);
    await expect(rejected.getByRole("row").nth(1)).toContainText("4");
    await expect(rejected.getByRole("row").nth(1)).toContainText(`Unknown sku NO-SUCH-${tag}`);

    const downloading = page.waitForEvent("download");
    await report.getByRole("button", { name: "Download rejected rows CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("sell-in-rejected-rows.csv");
    const body = await fs.readFile((await download.path())!, "utf8");
    expect(body.split("\r\n")[0]).toBe("line,reason,distributor_code,sku,ship_date,quantity,document,line");
    expect(body).toContain(`4,Unknown sku NO-SUCH-${tag},${code},NO-SUCH-${tag},${month}-12,5,SO-${tag},3`);

    // The same file again: nothing new, every good line is a duplicate, the bad row is still listed.
    await page.getByLabel("CSV file").setInputFiles(csvFile(`shipments-${tag}.csv`, csv));
    await page.getByRole("button", { name: "Load sell-in" }).click();
    await expect(report.getByTestId("stat-duplicates")).toContainText("3");
    await expect(report.getByTestId("stat-loaded")).toContainText("0");
    await expect(report.getByTestId("stat-rejected")).toContainText("1");
    await expect(report).toContainText("nothing new");

    // The ledger has the three lines once.
    const gaps = await page.request.get(`/api/v1/gaps?period=${month}&distributor=${code}`);
    expect(gaps.status()).toBe(200);
    const row = (await gaps.json()).rows.find((r: { sku: string }) => r.sku === sku);
    expect(row.sellIn).toBe(400);

    // Both loads are in the audit log.
    await page.goto(`/admin/audit?action=sell_in.load&actor=admin%40halcyon.test`);
    const entries = page.getByRole("region", { name: "Audit log entries" });
    // (jsonb orders keys its own way, so match each figure rather than the whole object)
    const rows = entries.getByRole("row");
    await expect(rows.filter({ hasText: '"loaded":3' }).filter({ hasText: '"duplicates":0' }).filter({ hasText: '"errors":1' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: '"loaded":0' }).filter({ hasText: '"duplicates":3' }).filter({ hasText: '"errors":1' }).first()).toBeVisible();
  });

  test("a product is created through the form after a field error, then found by search", async ({ page }) => {
    const sku = `FORM-${uniq()}`;
    await page.goto("/admin/products");
    const form = page.getByRole("form", { name: "New product" });
    await form.getByLabel("SKU").fill(sku);
    await form.getByLabel("Family").fill("E2E");
    await form.getByLabel("Description").fill("Made through the form");
    await form.getByLabel("List price").fill("twelve");
    await form.getByRole("button", { name: "Create product" }).click();
    await expect(form.getByText("List price is a non-negative amount with at most 4 decimals")).toBeVisible();
    await expect(form.getByLabel("List price")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("List price").fill("12.50");
    await form.getByRole("button", { name: "Create product" }).click();
    await expect(form.getByText(`Product ${sku} created.`)).toBeVisible();
    await expect(form.getByLabel("SKU")).toHaveValue("");

    // The same SKU again is refused next to the field.
    await form.getByLabel("SKU").fill(sku);
    await form.getByLabel("Family").fill("E2E");
    await form.getByLabel("Description").fill("Again");
    await form.getByLabel("List price").fill("1");
    await form.getByRole("button", { name: "Create product" }).click();
    await expect(form.getByText("Already exists", { exact: true })).toBeVisible();
    await expect(form.getByLabel("SKU")).toHaveValue(sku);

    await page.getByLabel("Search SKU, description or family").fill(sku);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${sku}`));
    const table = page.getByRole("region", { name: "Products" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").nth(1)).toContainText("12.50");
  });

  test("a products CSV imports with a report, and re-importing changes nothing", async ({ page }) => {
    const tag = uniq();
    const csv = [
      "sku,description,family,list_price,upc",
      `CSV-${tag}-A,Imported A,E2E-${tag},1.25,`,
      `CSV-${tag}-B,Imported B,E2E-${tag},-3,`,
      `CSV-${tag}-C,"Imported C, with comma",E2E-${tag},9.9,`,
    ].join("\n");
    await page.goto("/admin/products");
    await page.getByLabel("CSV file").setInputFiles(csvFile(`products-${tag}.csv`, csv));
    await page.getByRole("button", { name: "Import products" }).click();
    const report = page.getByTestId("import-report");
    await expect(report.getByTestId("stat-created")).toContainText("2");
    await expect(report.getByTestId("stat-rejected")).toContainText("1");
    await expect(report.getByRole("region", { name: "Rejected rows", exact: true }).getByRole("row").nth(1)).toContainText("3");
    await expect(report.getByRole("region", { name: "Rejected rows", exact: true })).toContainText("List price is a non-negative amount");

    await page.getByLabel("CSV file").setInputFiles(csvFile(`products-${tag}.csv`, csv));
    await page.getByRole("button", { name: "Import products" }).click();
    await expect(report.getByTestId("stat-unchanged")).toContainText("2");
    await expect(report.getByTestId("stat-created")).toContainText("0");

    await page.goto(`/admin/products?q=E2E-${tag}`);
    const table = page.getByRole("region", { name: "Products" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table).toContainText("Imported C, with comma");
  });

  test("a distributor user is created and deactivated, and the audit log shows it", async ({ page }) => {
    const tag = uniq();
    const { code } = await makeDistributorAndProduct(page, tag);
    const email = `e2e-${tag.toLowerCase()}@example.test`;

    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("E-mail").fill(email);
    await form.getByLabel("Name").fill(`E2E User ${tag}`);
    await form.getByLabel("Role").selectOption("distributor");
    await form.getByLabel("Distributor").selectOption(code);
    await form.getByLabel("Initial password").fill("too-short");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("Passwords have at least 12 characters")).toBeVisible();
    await form.getByLabel("Initial password").fill("a-long-enough-password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText(`User ${email} created.`)).toBeVisible();

    const row = page.getByTestId(`user-row-${email}`);
    await expect(row).toContainText("Distributor");
    await expect(row).toContainText(code);
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: `Deactivate ${email}` }).click();
    await row.getByRole("button", { name: "Confirm deactivation" }).click();
    await expect(row).toContainText("Deactivated");
    await expect(row.getByRole("button", { name: `Reactivate ${email}` })).toBeVisible();

    // The admin cannot deactivate themselves: there is no button on their own row.
    await expect(page.getByTestId("user-row-admin@halcyon.test").getByRole("button")).toHaveCount(0);

    await page.goto("/admin/audit");
    await page.getByLabel("Action").selectOption("user.update");
    await page.getByLabel("Distributor").selectOption(code);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=user\.update/);
    const entries = page.getByRole("region", { name: "Audit log entries" });
    await expect(entries.getByRole("row")).toHaveCount(2);
    await expect(entries).toContainText(email);
    await expect(entries).toContainText('{"active":false}');
  });

  test("the index links every data screen with counts", async ({ page }) => {
    await page.goto("/admin");
    const tiles = page.getByRole("list", { name: "Data screens" });
    for (const name of ["Sell-in", "Distributors", "Products", "Users", "Audit log", "Outbox", "Settings"]) {
      await expect(tiles.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await expect(tiles.getByRole("link", { name: /^Products/ })).toContainText("SKUs");
  });
});

test.describe("as a channel manager", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("users, products and the audit log are not there; sell-in load is", async ({ page }) => {
    for (const path of ["/admin/users", "/admin/products", "/admin/distributors", "/admin/audit"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    const res = await page.goto("/admin/sell-in");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("button", { name: "Load sell-in" })).toBeVisible();
    // Nor can the import endpoints be called directly.
    const imp = await page.request.post("/admin/products/import", { data: "sku,description,family,list_price\nX,Y,Z,1", headers: { "content-type": "text/csv" } });
    expect(imp.status()).toBe(403);
  });
});
