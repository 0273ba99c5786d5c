/**
 * Issue 17, the distributor's side of ship & debit, on rows of its own (a new distributor, its
 * products and user; authorisation numbers and invoices carry a unique tag), so nothing another spec
 * reads changes. The rebate team issues authorisations (API) and the distributor reports its POS line
 * by line (an upload kept with a submission); then, in the browser, the distributor types a claim —
 * one line approved, one rejected for want of a reported sale — sees each line's outcome and reason,
 * corrects the rejected line and resubmits (revision 2; revision 1 kept in the history), downloads
 * the 849 answer and the CSV, and uploads a claim CSV in its own layout (the columns asked once, then
 * remembered).
 */
import fs from "node:fs";
import { test, expect, request as pwRequest, type APIRequestContext, type Page } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf } from "./accounts";

test.describe.configure({ mode: "serial" });

const tag = (Date.now().toString(36) + Math.random().toString(36).slice(2, 4)).toUpperCase();
const CODE = `CD${tag}`.slice(0, 12);
const SKU = { a: `CDA-${tag}`, b: `CDB-${tag}`, c: `CDC-${tag}` };
const AUTH = { a: `SPA-A-${tag}`, b: `SPA-B-${tag}`, c: `SPA-C-${tag}` };
const EMAIL = `claims-dist-${tag.toLowerCase()}@e2e.test`;
const PASSWORD = `claims-dist-${tag}`;
const CUSTOMER = `Vega ${tag} Robotics Inc`;
const inv = (k: string) => `INV-${tag}-${k}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let admin: APIRequestContext;
let period = "";
let claimUrl = "";

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/submit$/);
}

const row = (page: Page, line: number) => page.getByTestId("claim-lines").locator(`tr[data-line="${line}"]`);
const reason = (page: Page, line: number) => page.getByTestId("claim-lines").locator(`tr[data-reason-of="${line}"]`);

test.beforeAll(async () => {
  admin = await pwRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const periods: { period: string; state: string }[] = await (await admin.get("/api/v1/periods")).json();
  period = periods.find((p) => p.state === "open")!.period;
  expect((await admin.post("/api/v1/admin/distributors", { data: { code: CODE, name: `Claims distributor ${tag}` } })).status()).toBe(201);
  // No sell-in: the book cost on record is the list price, 5.00.
  for (const sku of Object.values(SKU)) {
    expect((await admin.post("/api/v1/admin/products", { data: { sku, description: "Ship & debit part", family: "E2E", listPrice: "5.00" } })).status()).toBe(201);
  }
  const user = await admin.post("/api/v1/admin/users", { data: { email: EMAIL, name: `Claims ${tag}`, role: "distributor", distributorCode: CODE, password: PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);

  const rebates = await pwRequest.newContext({ baseURL, storageState: storageStateOf("rebates") });
  const auth = (number: string, sku: string) => ({
    number, distributor: CODE, endCustomer: { name: CUSTOMER }, sku, authorizedCost: 3.9, quantityLimit: 500, validFrom: `${period}-01`, validTo: day(120), currency: "USD",
  });
  const issued = await rebates.post("/api/v1/authorizations", { data: [auth(AUTH.a, SKU.a), auth(AUTH.b, SKU.b), auth(AUTH.c, SKU.c)] });
  expect(issued.status(), await issued.text()).toBe(201);
  await rebates.dispose();

  // The distributor's POS, line by line, kept with its submission of the period.
  const dist = await pwRequest.newContext({ baseURL });
  const { csrfToken } = await (await dist.get("/api/auth/csrf")).json();
  await dist.post("/api/auth/callback/credentials", { form: { csrfToken, email: EMAIL, password: PASSWORD } });
  const date = (d: number) => `${period.slice(5)}/${d}/${period.slice(0, 4)}`;
  const pos = [
    "Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer",
    `${date(12)},${inv("A")},1,${SKU.a},Part,60,6.50,${CUSTOMER}`,
    `${date(14)},${inv("B")},1,${SKU.b},Part,30,6.50,${CUSTOMER}`,
    `${date(16)},${inv("C")},1,${SKU.c},Part,20,6.50,${CUSTOMER}`,
  ].join("\n");
  const up = await dist.post(`/api/v1/uploads?period=${period}&fileName=pos-${tag}.csv`, { headers: { "content-type": "text/csv" }, data: Buffer.from(pos) });
  expect(up.status(), await up.text()).toBe(200);
  const upload = await up.json();
  expect(upload.needs, JSON.stringify(upload.needs)).toBeUndefined();
  const submitted = await dist.post(`/api/v1/submissions/${period}`, {
    headers: { "Idempotency-Key": `claims-dist-pos-${tag}` },
    data: {
      baseRevision: null, uploadId: upload.uploadId,
      lines: [[SKU.a, 60], [SKU.b, 30], [SKU.c, 20]].map(([sku, sold]) => ({ sku, sold, returned: 0, onHand: 0, confirm: { reason: "physical_count" } })),
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  await dist.dispose();
});

test.afterAll(async () => admin?.dispose());

test("the distributor types a claim and sees each line's outcome with its reason", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Claims", exact: true }).first().click();
  await expect(page).toHaveURL(/\/my-claims$/);
  await expect(page.getByText("No claims yet")).toBeVisible();
  await page.getByTestId("new-claim").first().click();
  await expect(page.getByTestId("claim-editor")).toHaveAttribute("data-ready", "1");
  await page.getByLabel("Period").selectOption(period);
  await page.getByLabel("Your claim number").fill(`CD-${tag}`);

  // Line 1: the authorisation fills in the end customer, SKU and costs; the amount is 60 × (5 − 3.9).
  await page.getByLabel("Authorisation, line 1").selectOption(AUTH.a);
  await expect(page.getByLabel("End customer, line 1")).toHaveValue(CUSTOMER);
  await expect(page.getByLabel("SKU, line 1")).toHaveValue(SKU.a);
  await expect(page.getByLabel("Book cost, line 1")).toHaveValue("5");
  await expect(page.getByLabel("Authorised cost, line 1")).toHaveValue("3.9");
  await page.getByLabel("Invoice, line 1").fill(inv("A"));
  await page.getByLabel("Invoice line, line 1").fill("1");
  await page.getByLabel("Ship date, line 1").fill(`${period}-12`);
  await page.getByLabel("Quantity, line 1").fill("60");
  await expect(page.getByLabel("Claimed amount, line 1")).toHaveValue("66.00");
  // Enter goes down a row (a new one at the end).
  await page.getByLabel("Quantity, line 1").press("Enter");
  await expect(page.getByLabel("Quantity, line 2")).toBeFocused();

  // Line 2: an invoice that is not in the POS reported.
  await page.getByLabel("Authorisation, line 2").selectOption(AUTH.b);
  await page.getByLabel("Invoice, line 2").fill(inv("NOPE"));
  await page.getByLabel("Ship date, line 2").fill(`${period}-14`);
  await page.getByLabel("Quantity, line 2").fill("30");
  await expect(page.getByLabel("Claimed amount, line 2")).toHaveValue("33.00");

  // A line left incomplete is named by line and field; nothing is sent.
  await page.getByTestId("add-line").click();
  await page.getByTestId("send-claim").click();
  await expect(page.getByTestId("claim-errors")).toContainText("Line 3 · Authorisation");
  await expect(page.getByLabel("Invoice, line 3")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Remove line 3" }).click();

  await page.getByTestId("send-claim").click();
  await expect(page).toHaveURL(/\/my-claims\/[0-9a-f-]{36}\?submitted=1$/, { timeout: 30_000 });
  claimUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("claim-submitted")).toContainText("1 approved, 0 adjusted, 1 rejected");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Claim CD-${tag}`);
  await expect(row(page, 1)).toHaveAttribute("data-outcome", "approved");
  await expect(row(page, 1)).toContainText("Approved");
  await expect(reason(page, 1)).toContainText("Approved as claimed.");
  await expect(row(page, 2)).toHaveAttribute("data-outcome", "rejected");
  await expect(reason(page, 2)).toContainText("NO_POS_SALE");
  await expect(reason(page, 2)).toContainText(`No reported sale of ${SKU.b} on invoice ${inv("NOPE")}`);
  const totals = page.getByTestId("claim-totals");
  await expect(totals).toContainText("$99.00");
  await expect(totals).toContainText("$66.00");

  await page.goto("/my-claims");
  const listed = page.getByTestId("claims-table").locator("tbody tr");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`CD-${tag}`);
  await expect(listed).toContainText("$66.00");
});

test("the rejected line is corrected and resubmitted: revision 2, revision 1 kept", async ({ page }) => {
  await signIn(page);
  await page.goto(claimUrl);
  await page.getByTestId("resubmit").click();
  await expect(page.getByTestId("claim-editor")).toHaveAttribute("data-ready", "1");
  // The approved line is carried as it was; the rejected one is editable, prefilled with what was sent.
  await expect(page.getByTestId("carried-lines")).toContainText("1 approved line is carried");
  await expect(page.getByTestId("claim-line-row")).toHaveCount(1);
  await expect(page.getByLabel("Invoice, line 2")).toHaveValue(inv("NOPE"));
  await expect(page.getByLabel("Quantity, line 2")).toHaveValue("30");
  await page.getByLabel("Invoice, line 2").fill(inv("B"));
  await page.getByLabel("Invoice line, line 2").fill("1");
  await page.getByRole("button", { name: "Send revision 2" }).click();

  await expect(page).toHaveURL(new RegExp(`${claimUrl}\\?submitted=2$`), { timeout: 30_000 });
  await expect(page.getByTestId("claim-submitted")).toContainText("Revision 2 received");
  await expect(page.getByTestId("claim-submitted")).toContainText("2 approved, 0 adjusted, 0 rejected");
  await expect(row(page, 1)).toHaveAttribute("data-outcome", "approved");
  await expect(row(page, 2)).toHaveAttribute("data-outcome", "approved");
  await expect(page.getByTestId("resubmit")).toHaveCount(0);
  const history = page.getByTestId("claim-revisions");
  await expect(history.getByRole("link", { name: "Revision 2" })).toHaveAttribute("aria-current", "page");
  await history.getByRole("link", { name: "Revision 1" }).click();
  await expect(page).toHaveURL(new RegExp(`${claimUrl}\\?revision=1$`));
  await expect(page.getByTestId("older-revision")).toContainText("This is revision 1");
  await expect(row(page, 2)).toHaveAttribute("data-outcome", "rejected");
  await expect(reason(page, 2)).toContainText("NO_POS_SALE");
});

test("the 849 answer and the CSV download", async ({ page }) => {
  await signIn(page);
  await page.goto(claimUrl);
  const [x12] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-849").click()]);
  expect(x12.suggestedFilename()).toMatch(/\.849\.edi$/);
  const edi = fs.readFileSync(await x12.path(), "utf8");
  expect(edi.startsWith("ISA")).toBe(true);
  expect(edi).toContain("ST*849*");
  expect(edi).toContain(AUTH.a);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  expect(csv.suggestedFilename()).toMatch(/r2\.csv$/);
  const text = fs.readFileSync(await csv.path(), "utf8");
  expect(text).toContain(inv("A"));
  expect(text).toContain(inv("B"));
  expect(text.match(/,approved,/g)).toHaveLength(2);
  // Revision 1's answer is there too; another distributor's claim is a 404.
  const r1 = await page.request.get(`${claimUrl}/response?format=csv&revision=1`);
  expect(r1.status()).toBe(200);
  expect(await r1.text()).toContain("NO_POS_SALE");
  const other = await pwRequest.newContext({ baseURL, storageState: storageStateOf("northwind") });
  expect((await other.get(`${claimUrl}/response?format=x12`)).status()).toBe(404);
  expect((await other.get(claimUrl)).status()).toBe(404);
  await other.dispose();
});

test("a claim CSV in the distributor's own layout: the columns asked once, then remembered", async ({ page }) => {
  await signIn(page);
  const line = `${AUTH.c};${inv("C")};1;16.${period.slice(5)}.${period.slice(0, 4)};${CUSTOMER};${SKU.c};20;5,00;3,90;22,00`;
  const file = [`Debit claim ${tag}`, "Ref;Document;Pos;When;Buyer;Item;Units;Our cost;Deal price;Credit", line].join("\n");
  await page.goto("/my-claims/new");
  await page.getByRole("link", { name: "Upload a file" }).click();
  await expect(page.getByTestId("claim-upload")).toHaveAttribute("data-ready", "1");
  await page.getByLabel("Claim file", { exact: true }).setInputFiles({ name: `own-layout-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByLabel("Period").selectOption(period);
  await page.getByTestId("send-claim-file").click();

  const mapping = page.getByTestId("claim-mapping");
  await expect(mapping).toBeVisible({ timeout: 30_000 });
  await expect(mapping).toContainText("Not found");
  await expect(mapping).toContainText("“Document”");
  for (const [field, column] of Object.entries({ line: "", authorization: "0", invoice: "1", invoiceLine: "2", shipDate: "3", endCustomer: "4", sku: "5", quantity: "6", bookCost: "7", authorizedCost: "8", claimedAmount: "9" })) {
    await mapping.locator(`#map-${field}`).selectOption(column);
  }
  await page.getByTestId("claim-confirm-mapping").click();
  await openStoredClaim(page);
  await expect(row(page, 1)).toHaveAttribute("data-outcome", "approved");
  await expect(row(page, 1)).toContainText(inv("C"));
  await expect(page.getByText(`CSV file · own-layout-${tag}.csv`)).toBeVisible();

  // The same layout again: read without asking; the line was claimed already.
  await page.goto("/my-claims/new?via=file");
  await expect(page.getByTestId("claim-upload")).toHaveAttribute("data-ready", "1");
  await page.getByLabel("Claim file", { exact: true }).setInputFiles({ name: `own-layout-${tag}-again.csv`, mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByLabel("Period").selectOption(period);
  await page.getByTestId("send-claim-file").click();
  await openStoredClaim(page);
  await expect(row(page, 1)).toHaveAttribute("data-outcome", "rejected");
  await expect(reason(page, 1)).toContainText("DUPLICATE");

  // A file with a bad line: listed by line and field, nothing stored.
  const bad = [`Debit claim ${tag}`, "Ref;Document;Pos;When;Buyer;Item;Units;Our cost;Deal price;Credit", line.replace(";20;", ";2,5;")].join("\n");
  await page.goto("/my-claims/new?via=file");
  await expect(page.getByTestId("claim-upload")).toHaveAttribute("data-ready", "1");
  await page.getByLabel("Claim file", { exact: true }).setInputFiles({ name: `bad-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByTestId("send-claim-file").click();
  const problems = page.getByTestId("claim-file-errors");
  await expect(problems).toContainText("nothing was stored", { timeout: 30_000 });
  await expect(problems.getByRole("row").filter({ hasText: "Quantity" })).toContainText("3");
  await page.goto("/my-claims");
  await expect(page.getByTestId("claims-table").locator("tbody tr")).toHaveCount(3);
});

/** After a file was read and stored: the claim's page (opened at once, or through the notes the reading left). */
async function openStoredClaim(page: Page) {
  const stored = page.getByTestId("claim-file-stored");
  await expect(page.getByTestId("claim-lines").or(stored)).toBeVisible({ timeout: 30_000 });
  if (await stored.isVisible()) await stored.getByRole("link", { name: "See the result of each line" }).click();
  await expect(page).toHaveURL(/\/my-claims\/[0-9a-f-]{36}\?submitted=1$/);
  await expect(page.getByTestId("claim-lines")).toBeVisible();
}
