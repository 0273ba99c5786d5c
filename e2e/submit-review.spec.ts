import { test, expect, request as pwRequest, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { baseURL } from "./env";
import { addPeriods, signInToGrid } from "./own-distributor";

/**
 * Issue 14: the submission check on the screen. A distributor of its own (created here through the
 * admin API, with its own products and sell-in) so nothing another spec reads changes: the honest
 * unchanged month is one action; a flagged month cannot be stored without a fix or a confirmation,
 * and confirming all is one action; a partial line-level POS upload zeroes the SKUs it left out;
 * the shortcuts panel (?), go to SKU (/) and next flagged row (F8) work. Screenshots of the review
 * panel (light, a dark-preferring browser, phone width) go to test-results/.
 */

const uniq = Date.now().toString(36).toUpperCase().slice(-6);
const CODE = `TR${uniq}`;
const EMAIL = `trust-${uniq.toLowerCase()}@review.test`;
const PASSWORD = "review-before-storing-1";
const SKU = { a: `TRA-${uniq}`, b: `TRB-${uniq}`, c: `TRC-${uniq}` };

type View = { revision: number | null; lines: { sku: string; sold: number; returned: number; onHand: number; flags: { kind: string }[]; confirm: { reason: string } | null }[] };

let admin: APIRequestContext;
let open: string;
let prev: string;
/** Rita's session cookies from the first test's sign-in: the later tests (serial, same worker) open their grid with them (no draft of the first test's tab). */
let session: Awaited<ReturnType<BrowserContext["storageState"]>>;

async function sellIn(lines: [string, string, number][]) {
  const csv = ["distributor_code,sku,ship_date,quantity,document,line", ...lines.map(([sku, date, q], i) => `${CODE},${sku},${date},${q},TR-${uniq}-${date}-${sku},${i + 1}`)].join("\n");
  const res = await admin.post("/api/v1/sell-in", { headers: { "content-type": "text/csv" }, data: csv });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).errors).toEqual([]);
}

async function view(page: Page, period: string): Promise<View> {
  const res = await page.request.get(`/api/v1/submissions/${period}`);
  expect(res.status()).toBe(200);
  return res.json();
}

const cell = (page: Page, field: "Sold" | "Returned" | "On hand", sku: string) => page.getByLabel(`${field}, ${sku}`, { exact: true });

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  admin = await pwRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const periods: { period: string; state: string }[] = await (await admin.get("/api/v1/periods")).json();
  open = periods.find((p) => p.state === "open")!.period;
  prev = addPeriods(open, -1);
  expect((await admin.post("/api/v1/admin/distributors", { data: { code: CODE, name: `Trust Review ${uniq}`, region: "EU" } })).status()).toBe(201);
  for (const sku of Object.values(SKU)) {
    expect((await admin.post("/api/v1/admin/products", { data: { sku, description: `Review part ${sku}`, family: "Review", listPrice: "1.00" } })).status()).toBe(201);
  }
  const user = await admin.post("/api/v1/admin/users", { data: { email: EMAIL, name: "Rita Review", role: "distributor", distributorCode: CODE, password: PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);
  // Last period: 100 of A came in; nothing of it was sold.
  await sellIn([[SKU.a, `${prev}-15`, 100]]);
});

test.afterAll(async () => admin?.dispose());

test("the honest unchanged month is one action after sign-in", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInToGrid(page, EMAIL, PASSWORD);
  session = { cookies: (await page.context().storageState()).cookies, origins: [] };
  // Last period reported honestly (through the API): 0 sold, 100 on hand.
  const res = await page.request.post(`/api/v1/submissions/${prev}`, {
    headers: { "Idempotency-Key": crypto.randomUUID() },
    data: { baseRevision: null, lines: [{ sku: SKU.a, sold: 0, returned: 0, onHand: 100 }] },
  });
  expect(res.status(), await res.text()).toBe(201);
  expect((await res.json()).quality.parts.agreement).toBe(100);

  // This month nothing moved: the prefill (0 sold, 100 on hand) is the truth. The screen asks for this month, not last.
  await page.goto("/submit");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("report");
  await expect(cell(page, "On hand", SKU.a)).toHaveValue("100");
  await page.getByTestId("submit-report").click(); // the one action
  await expect(page).toHaveURL(new RegExp(`/history/${open}/1\\?receipt=1$`), { timeout: 30_000 });
  await expect(page.getByTestId("review-panel")).toHaveCount(0);
  await expect(page.getByTestId("receipt-quality")).toContainText("100");
  // The landing page no longer asks for a period already submitted.
  await page.goto("/submit");
  await expect(page.getByTestId("all-submitted")).toBeVisible();
  await page.context().close();
});

test("an out-of-tolerance month cannot be stored without a fix or a confirmation; confirming all is one action", async ({ browser }) => {
  // 1,000 of B and 30 of C shipped this month; the prefill says 0 on hand for both.
  await sellIn([
    [SKU.b, `${open}-12`, 1000],
    [SKU.c, `${open}-12`, 30],
  ]);
  const page = await (await browser.newContext({ storageState: session, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`/submit?period=${open}`);
  await expect(page.getByTestId("submission-grid")).toHaveAttribute("data-ready", "1");
  await cell(page, "Sold", SKU.b).click();
  await page.keyboard.type("700");
  await page.keyboard.press("Tab");
  await page.keyboard.type("0");
  await page.keyboard.press("Tab");
  await page.keyboard.type("240"); // the worked example: calculated 300, gap 60, 20 %
  await page.keyboard.press("Enter");

  await page.getByTestId("submit-report").click();
  const panel = page.getByTestId("review-panel");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText("2 rows need a look");
  await expect(panel.locator(`[data-sku="${SKU.b}"]`)).toContainText("gap 60 (20 %)");
  await expect(panel.locator(`[data-sku="${SKU.c}"]`)).toContainText("On hand 0, but by our books you should have 30");
  expect((await view(page, open)).revision, "nothing was stored").toBe(1);

  // F8 goes to the next flagged row; C is fixed in place.
  await page.locator("body").press("F8");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`On hand, ${SKU.b}`);
  await page.keyboard.press("F8");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`On hand, ${SKU.c}`);
  await page.keyboard.type("30");
  await page.keyboard.press("Enter");

  await panel.locator(`[data-sku="${SKU.b}"]`).getByLabel(`Reason for ${SKU.b}`).selectOption("in_transit");
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: "test-results/review-panel-light.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await panel.screenshot({ path: "test-results/review-panel-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.screenshot({ path: "test-results/review-panel-phone.png" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByTestId("review-confirm-all").click(); // the one action
  await expect(page).toHaveURL(new RegExp(`/history/${open}/2\\?receipt=1$`), { timeout: 30_000 });
  const stored = await view(page, open);
  const b = stored.lines.find((l) => l.sku === SKU.b)!;
  expect(b).toMatchObject({ sold: 700, onHand: 240, confirm: { reason: "in_transit" } });
  expect(b.flags.map((f) => f.kind)).toEqual(["out_of_tolerance"]);
  expect(stored.lines.find((l) => l.sku === SKU.c)).toMatchObject({ onHand: 30, flags: [], confirm: null });
  await expect(page.getByTestId("receipt-quality")).toBeVisible();
  await expect(page.getByText("Confirmed as reported: In transit")).toBeVisible();
  await page.context().close();
});

test("a partial line-level POS upload zeroes the SKUs it left out, visibly; ? shows the shortcuts and / goes to a SKU", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: session })).newPage();
  await page.goto(`/submit?period=${open}`);
  await expect(page.getByTestId("submission-grid")).toHaveAttribute("data-ready", "1");
  await expect(cell(page, "Sold", SKU.b)).toHaveValue("700");

  const [y, m] = open.split("-");
  const csv = [
    "Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer",
    `${m}/15/${y},INV-${uniq},1,${SKU.a},Review part,3,1.00,Acme`,
  ].join("\n");
  const upload = page.getByTestId("upload-panel");
  const opener = upload.getByRole("button", { name: "Upload a file" });
  if (await opener.isVisible()) await opener.click();
  await upload.getByLabel("Choose a POS or inventory file").setInputFiles({ name: "pos.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(upload.getByTestId("upload-review")).toBeVisible({ timeout: 30_000 });
  await upload.getByTestId("upload-apply").click();
  await expect(upload).toContainText("2 SKUs not in the file set to 0 sold and 0 returned");
  await expect(cell(page, "Sold", SKU.a)).toHaveValue("3");
  await expect(cell(page, "Sold", SKU.b)).toHaveValue("0");
  await expect(cell(page, "Sold", SKU.c)).toHaveValue("0");
  await expect(cell(page, "Sold", SKU.b)).toHaveAttribute("data-changed", "1");

  // Keyboard: ? opens the shortcuts panel from a cell, Esc closes it; / then a few letters and Enter jump to a SKU.
  await cell(page, "Sold", SKU.a).click();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-panel")).toBeVisible();
  await expect(page.getByTestId("shortcuts-panel")).toContainText("Next flagged row");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcuts-panel")).toHaveCount(0);
  await cell(page, "Sold", SKU.a).focus();
  await page.keyboard.press("/");
  await expect(page.getByTestId("go-to-sku")).toBeFocused();
  await page.keyboard.type("trc");
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Sold, ${SKU.c}`);
  await page.keyboard.type("5");
  await expect(cell(page, "Sold", SKU.c)).toHaveValue("5");
  await page.context().close();
});
