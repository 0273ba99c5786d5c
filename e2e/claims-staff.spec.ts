/**
 * Issue 17, the rebate team's side of ship & debit, on rows of its own (a new distributor, its product
 * and user; authorisation numbers and invoices carry a unique tag), so it changes nothing another spec
 * reads. An analyst issues an authorisation through the form and one by CSV (a bad row listed by line);
 * the distributor reports its POS line by line (an upload applied to a submission, as its system would)
 * and sends a claim over the API; the analyst's queue shows the claim with its totals, the claim its
 * reasons; an override up to the limit applies at once, one above it waits, its proposer cannot
 * approve it and a second member of the team does; the 849 answer and the CSV for payables download.
 *
 * The override limit is the settings' default (1,000.00), which no spec changes: the waiting override
 * approves 1,200.00.
 */
import { test, expect, request as pwRequest, type APIRequestContext, type Page } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf, type AccountName } from "./accounts";

test.describe.configure({ mode: "serial" });

const tag = (Date.now().toString(36) + Math.random().toString(36).slice(2, 4)).toUpperCase();
const CODE = `CS${tag}`.slice(0, 12);
const SKU = `CS-${tag}`;
const EMAIL = `claims-staff-${tag.toLowerCase()}@e2e.test`;
const PASSWORD = `claims-staff-${tag}`;
const CUSTOMER = `Kepler ${tag} Drives`;
const AUTH = `SDF-${tag}`;
const AUTH_CSV = `SDC-${tag}`;
const inv = (k: string) => `INV-${tag}-${k}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let admin: APIRequestContext;
let dist: APIRequestContext;
let period = "";
let claimId = "";

const as = (who: AccountName) => pwRequest.newContext({ baseURL, storageState: storageStateOf(who) });
async function pageAs(browser: import("@playwright/test").Browser, who: AccountName): Promise<Page> {
  return (await browser.newContext({ storageState: storageStateOf(who) })).newPage();
}
/** "$2,640.00" in a cell → "2640.00". */
const amount = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).split("\n")[1];

test.beforeAll(async () => {
  admin = await as("admin");
  const periods: { period: string; state: string }[] = await (await admin.get("/api/v1/periods")).json();
  period = periods.find((p) => p.state === "open")!.period;
  expect((await admin.post("/api/v1/admin/distributors", { data: { code: CODE, name: `Claims staff ${tag}` } })).status()).toBe(201);
  // No sell-in: the book cost on record is the list price, 100.00.
  expect((await admin.post("/api/v1/admin/products", { data: { sku: SKU, description: "Ship & debit drive", family: "E2E", listPrice: "100.00" } })).status()).toBe(201);
  const user = await admin.post("/api/v1/admin/users", { data: { email: EMAIL, name: `Claims ${tag}`, role: "distributor", distributorCode: CODE, password: PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);
  dist = await pwRequest.newContext({ baseURL });
  const { csrfToken } = await (await dist.get("/api/auth/csrf")).json();
  await dist.post("/api/auth/callback/credentials", { form: { csrfToken, email: EMAIL, password: PASSWORD } });
  expect((await (await dist.get("/api/v1/me")).json()).distributor.code).toBe(CODE);
});

test.afterAll(async () => {
  for (const c of [admin, dist]) await c?.dispose();
});

test("the analyst issues an authorisation through the form and another by CSV, a bad row listed by its line", async ({ browser }) => {
  const page = await pageAs(browser, "rebates");
  await page.goto("/authorizations");
  const form = page.getByRole("form", { name: "New authorisation" });
  await form.getByLabel("Authorisation number").fill(AUTH);
  await form.getByLabel("Distributor").fill(CODE);
  await form.getByLabel("SKU").fill(SKU);
  await form.getByLabel("End customer", { exact: true }).fill(CUSTOMER);
  await form.getByLabel("Authorised cost").fill("40");
  await form.getByLabel("Quantity limit").fill("100");
  await form.getByLabel("Valid from").fill(`${period}-01`);
  await form.getByLabel("Valid to").fill("2020-01-01");
  await form.getByRole("button", { name: "Save authorisation" }).click();
  await expect(form.getByText("validTo is before validFrom")).toBeVisible();
  await form.getByLabel("Valid to").fill(day(120));
  await form.getByRole("button", { name: "Save authorisation" }).click();
  await expect(form.getByText(`Authorisation ${AUTH} created.`)).toBeVisible({ timeout: 30_000 });

  const csv = [
    "number,distributor,end_customer_name,sku,authorized_cost,quantity_limit,valid_from,valid_to,currency",
    `${AUTH_CSV},${CODE},${CUSTOMER},${SKU},70.00,50,${period}-01,${day(120)},USD`,
    `${AUTH_CSV}-X,${CODE},${CUSTOMER},NO-SUCH-${tag},70.00,50,${period}-01,${day(120)},USD`,
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: `authorisations-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import authorisations" }).click();
  const report = page.getByTestId("import-report");
  await expect(report.getByTestId("stat-created")).toContainText("1", { timeout: 30_000 });
  await expect(report.getByTestId("stat-rejected")).toContainText("1");
  await expect(report.getByRole("row").filter({ hasText: `No SKU NO-SUCH-${tag}` })).toContainText("3");

  // Filtered to the distributor: both, each with its open liability = remaining × (book 100 − authorised).
  await page.goto(`/authorizations?distributor=${CODE}`);
  const rows = page.getByTestId("authorization-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: AUTH_CSV })).toContainText("$1,500.00");
  const formRow = rows.filter({ hasText: AUTH });
  await expect(formRow).toContainText(CUSTOMER);
  await expect(formRow).toContainText("$60.00");
  await expect(formRow).toContainText("$6,000.00");
  await expect(page.getByTestId("liability-total-USD")).toContainText("$7,500.00");
  await page.context().close();
});

test("the distributor reports its POS line by line and sends a claim over the API", async () => {
  const pos = [
    "Invoice Date,Invoice No,Line,Mfr Part #,Description,Qty Shipped,Unit Resale,End Customer",
    `${period.slice(5)}/15/${period.slice(0, 4)},${inv("A")},1,${SKU},Drive,10,70.00,${CUSTOMER.toUpperCase()}`,
    `${period.slice(5)}/16/${period.slice(0, 4)},${inv("B")},1,${SKU},Drive,30,70.00,${CUSTOMER}`,
    `${period.slice(5)}/17/${period.slice(0, 4)},${inv("C")},1,${SKU},Drive,5,70.00,Other Works`,
    `${period.slice(5)}/18/${period.slice(0, 4)},${inv("E")},1,${SKU},Drive,4,70.00,${CUSTOMER}`,
  ].join("\n");
  const up = await dist.post(`/api/v1/uploads?period=${period}&fileName=pos-${tag}.csv`, { headers: { "content-type": "text/csv" }, data: Buffer.from(pos) });
  expect(up.status(), await up.text()).toBe(200);
  const upload = await up.json();
  expect(upload.needs, JSON.stringify(upload.needs)).toBeUndefined();
  expect(upload.lines).toEqual([expect.objectContaining({ sku: SKU, sold: 49 })]);
  const submitted = await dist.post(`/api/v1/submissions/${period}`, {
    headers: { "Idempotency-Key": `claims-staff-pos-${tag}` },
    data: { baseRevision: null, uploadId: upload.uploadId, lines: [{ sku: SKU, sold: 49, returned: 0, onHand: 0, confirm: { reason: "physical_count" } }] },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);

  const line = (n: number, invoice: string, quantity: number, claimedAmount: number) => ({
    line: n, authorization: AUTH, invoice, shipDate: `${period}-15`, endCustomer: CUSTOMER, sku: SKU, quantity, bookCost: 100, authorizedCost: 40, claimedAmount,
  });
  const res = await dist.post("/api/v1/claims", {
    headers: { "Idempotency-Key": `claims-staff-${tag}` },
    data: {
      period, reference: `CLM-${tag}`,
      lines: [line(1, inv("A"), 10, 600), line(2, inv("B"), 30, 1800), line(3, inv("C"), 5, 300), line(4, inv("D"), 20, 1200), line(5, inv("E"), 4, 250)],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const claim = await res.json();
  claimId = claim.id;
  expect(claim.lines.map((l: { outcome: string; reasonCode: string | null }) => [l.outcome, l.reasonCode])).toEqual([
    ["approved", null], ["approved", null], ["rejected", "POS_CUSTOMER_MISMATCH"], ["rejected", "NO_POS_SALE"], ["adjusted", "AMOUNT"],
  ]);
});

test("the analyst's queue shows the claim with its totals, and the claim its reasons", async ({ browser }) => {
  const page = await pageAs(browser, "rebates");
  await page.goto("/claims");
  await page.getByLabel("Distributor").selectOption(CODE);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`distributor=${CODE}`));
  const row = page.getByTestId("claim-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`CLM-${tag}`);
  const cell = (col: string) => row.locator(`[data-col="${col}"]`);
  await expect(cell("claimed")).toHaveText("$4,150.00");
  await expect(cell("approved")).toHaveText(/^\$2,400\.00\s*2 lines$/);
  await expect(cell("adjusted")).toHaveText(/^\$240\.00\s*1 line$/);
  await expect(cell("rejected")).toHaveText(/^\$1,500\.00\s*2 lines$/);
  await expect(cell("payable")).toHaveText("$2,640.00");
  await expect(page.getByTestId("claim-total-USD").locator('[data-col="payable"]')).toHaveText("$2,640.00");

  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claimId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`CLM-${tag}`);
  expect(await amount(page, "claim-payable")).toBe("$2,640.00");
  // Open lines first: the three not approved as claimed, each with its reason.
  const lines = page.getByTestId("claim-line");
  await expect(lines).toHaveCount(3);
  await expect(page.locator('[data-line="3"] [data-testid="reason"]')).toHaveText(`Your POS shows invoice ${inv("C")} for ${SKU} sold to another end customer than the authorisation's.`);
  await expect(page.locator('[data-line="4"] [data-testid="reason"]')).toContainText(`No reported sale of ${SKU} on invoice ${inv("D")}`);
  await expect(page.locator('[data-line="5"] [data-testid="reason"]')).toHaveText("Claimed 250.00, but quantity × (book − authorised) is 240.00; approved 240.00.");
  await page.getByRole("link", { name: /^All/ }).click();
  await expect(lines).toHaveCount(5);
  await page.context().close();
});

test("an override up to the limit applies; above it, it waits, its proposer cannot approve, a colleague does", async ({ browser }) => {
  const page = await pageAs(browser, "rebates");
  await page.goto(`/claims/${claimId}`);
  // Line 3: the POS names the customer differently; the analyst checked the invoice.
  await page.getByRole("button", { name: "Override line 3" }).click();
  const f3 = page.getByRole("form", { name: "Override line 3" });
  await f3.getByLabel("Outcome").selectOption("approved");
  await f3.getByLabel("Note").fill("Invoice checked: Other Works is Kepler's plant");
  await f3.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByTestId("line-notice")).toHaveText("Line 3: Override applied.", { timeout: 30_000 });
  await expect.poll(() => amount(page, "claim-payable")).toBe("$2,940.00");

  // Line 4: 1,200.00 is above the limit — it waits for a second person.
  await page.getByRole("button", { name: "Override line 4" }).click();
  const f4 = page.getByRole("form", { name: "Override line 4" });
  await f4.getByLabel("Outcome").selectOption("approved");
  await f4.getByLabel("Note").fill("Sale confirmed from the distributor's ledger");
  await f4.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByTestId("line-notice")).toHaveText("Line 4: Waiting for a second approver (above $1,000.00).", { timeout: 30_000 });
  const waiting = page.getByTestId("pending-override");
  await expect(waiting).toContainText("Waiting for a second approver: Approved, 20 units, $1,200.00");
  await expect(waiting).toContainText("proposed by you");
  await expect(waiting.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(waiting.getByRole("button", { name: "Withdraw" })).toBeVisible();
  expect(await amount(page, "claim-payable")).toBe("$2,940.00");
  // The proposer approving by other means is refused.
  const overrideId = await waiting.getAttribute("data-override");
  const self = await page.request.post(`/api/v1/claim-overrides/${overrideId}/approve`, { data: {} });
  expect(self.status()).toBe(403);
  expect((await self.json()).error.message).toBe("A second person approves an override above the limit: not the one who proposed it");

  // The line the rule rejected keeps the rule's outcome beside the override.
  await page.goto(`/claims/${claimId}?lines=all`);
  await expect(page.locator('[data-line="3"] [data-testid="rule-outcome"]')).toHaveText("Rule: Rejected · Sold to another customer");

  // The queue marks the claim; a second member of the rebate team (the admin) approves.
  const second = await pageAs(browser, "admin");
  await second.goto(`/claims?distributor=${CODE}&status=awaiting`);
  await expect(second.getByTestId("claim-row")).toContainText("Awaiting approval");
  await second.getByTestId("claim-row").getByRole("link").click();
  const decide = second.getByTestId("pending-override");
  await expect(decide).toContainText("proposed by rebates@halcyon.test");
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(second.getByTestId("line-notice")).toHaveText("Line 4: Override approved: the line and the claim's totals now show it.", { timeout: 30_000 });
  await expect.poll(() => amount(second, "claim-payable")).toBe("$4,140.00");
  await second.goto(`/claims?distributor=${CODE}`);
  await expect(second.getByTestId("claim-row")).toContainText("Validated");
  await expect(second.getByTestId("claim-row").locator('[data-col="payable"]')).toHaveText("$4,140.00");
  await second.context().close();
  await page.context().close();
});

test("the 849 answer and the CSV for payables download with the decided lines", async ({ browser }) => {
  const page = await pageAs(browser, "rebates");
  await page.goto(`/claims/${claimId}`);
  const [edi] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "849 answer" }).click()]);
  expect(edi.suggestedFilename()).toBe(`claim-${CODE}-${period}-CLM-${tag}-r1.849.edi`);

  const x12 = await page.request.get(`/claims/${claimId}/response?format=x12`);
  expect(x12.status()).toBe(200);
  expect(x12.headers()["content-type"]).toBe("application/edi-x12");
  const text = await x12.text();
  expect(text).toMatch(/^ISA\*/);
  expect(text).toContain("ST*849*");
  expect(text).toContain(`CLM-${tag}`);

  const csv = await page.request.get(`/claims/${claimId}/response?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="claim-${CODE}-${period}-CLM-${tag}-r1.csv"`);
  const rows = (await csv.text()).trim().split("\r\n");
  expect(rows[0]).toBe("claim,revision,line,authorization,invoice,invoice_line,sku,quantity,claimed_amount,outcome,approved_quantity,approved_amount,reason_code,message");
  expect(rows).toHaveLength(6);
  expect(rows[1]).toContain(`CLM-${tag},1,1,${AUTH},${inv("A")},,${SKU},10,600.00,approved,10,600.00,,`);
  expect(rows[3]).toContain(`CLM-${tag},1,3,${AUTH},${inv("C")},,${SKU},5,300.00,approved,5,300.00,OVERRIDE,`);
  expect(rows[4]).toContain(`CLM-${tag},1,4,${AUTH},${inv("D")},,${SKU},20,1200.00,approved,20,1200.00,OVERRIDE,`);
  expect(rows[5]).toContain(`CLM-${tag},1,5,${AUTH},${inv("E")},,${SKU},4,250.00,adjusted,4,240.00,AMOUNT,`);

  // Nobody signed in gets nothing; a distributor never reaches the staff download.
  const anon = await pwRequest.newContext({ baseURL });
  expect((await anon.get(`/claims/${claimId}/response?format=csv`, { maxRedirects: 0 })).status()).toBe(401);
  await anon.dispose();
  expect((await dist.get(`/claims/${claimId}/response?format=csv`, { maxRedirects: 0 })).status()).toBe(404);
  await page.context().close();
});
