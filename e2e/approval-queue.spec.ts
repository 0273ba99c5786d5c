import { test, expect, request as pwRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, storageStateOf, type AccountName } from "./accounts";
import { baseURL } from "./env";

/**
 * Issue 16, items 1 and 2: from a gap to an approved correction and a resolved exception in at most
 * ten actions for the two managers together (sign-ins excluded). A distributor of its own (admin
 * API) with the worked example's numbers — shipped 1,000, sold 700, reported 240: calculated 300,
 * gap 60 — so nothing another spec reads changes. Every click, fill and navigation is counted.
 */
test.describe.configure({ mode: "serial" });

const uniq = Date.now().toString(36).toUpperCase().slice(-5);
const CODE = `AQ${uniq}`;
const SKU = `AQ-${uniq}`;
const SKU2 = `AQB-${uniq}`;
const EMAIL = `ops-${uniq.toLowerCase()}@approvals.test`;
const PASSWORD = "second-person-rule";

let admin: APIRequestContext;
let period: string;

async function signedIn(email: string, password: string) {
  const ctx = await pwRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password } });
  return ctx;
}

async function pageAs(browser: Browser, who: AccountName): Promise<Page> {
  return (await browser.newContext({ storageState: storageStateOf(who) })).newPage();
}

test.beforeAll(async () => {
  admin = await pwRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const periods: { period: string; state: string }[] = await (await admin.get("/api/v1/periods")).json();
  period = periods.find((p) => p.state === "open")!.period;
  expect((await admin.post("/api/v1/admin/distributors", { data: { code: CODE, name: `Approvals ${uniq}` } })).status()).toBe(201);
  for (const sku of [SKU, SKU2]) expect((await admin.post("/api/v1/admin/products", { data: { sku, description: `Queue part ${sku}`, family: "Queue", listPrice: "1.00" } })).status()).toBe(201);
  const user = await admin.post("/api/v1/admin/users", { data: { email: EMAIL, name: "Quinn Queue", role: "distributor", distributorCode: CODE, password: PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);
  const csv = ["distributor_code,sku,ship_date,quantity,document,line", `${CODE},${SKU},${period}-05,1000,AQ-${uniq},1`, `${CODE},${SKU2},${period}-05,100,AQ-${uniq},2`].join("\n");
  const load = await admin.post("/api/v1/sell-in", { headers: { "content-type": "text/csv" }, data: csv });
  expect(load.status(), await load.text()).toBe(200);
  const distributor = await signedIn(EMAIL, PASSWORD);
  const submit = await distributor.post(`/api/v1/submissions/${period}`, {
    headers: { "Idempotency-Key": `e2e-approvals-${uniq}` },
    data: { baseRevision: null, lines: [{ sku: SKU, sold: 700, returned: 0, onHand: 240, confirm: { reason: "physical_count" } }, { sku: SKU2, sold: 50, returned: 0, onHand: 45, confirm: { reason: "physical_count" } }] },
  });
  expect([200, 201], await submit.text()).toContain(submit.status());
  await distributor.dispose();
});
test.afterAll(async () => admin?.dispose());

test("gap → correction → second approver's queue → approved → resolved by correction, in at most ten actions", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await pageAs(browser, "manager");
  let actions = 0;

  // The first manager, from the gap view to a proposed correction.
  await manager.goto(`/gaps?period=${period}&distributor=${CODE}`);
  actions++;
  const row = manager.getByRole("row").filter({ hasText: SKU }).filter({ hasText: "+60" });
  await row.getByRole("link", { name: SKU, exact: true }).click();
  actions++;
  await expect(manager.getByRole("heading", { level: 1 })).toContainText(`${CODE} × ${SKU}`);
  const act = manager.getByRole("region", { name: "Act on this row" });
  await act.getByRole("button", { name: "Propose correction" }).click();
  actions++;
  const form = manager.getByRole("form", { name: "Propose a correction on this row" });
  // The quantity that closes the gap is proposed already.
  await expect(form.getByLabel("Quantity")).toHaveValue("-60");
  await form.getByLabel("Reason").fill("60 transferred to the Reno branch, transfer note TR-77");
  actions++;
  await form.getByRole("button", { name: "Propose" }).click();
  actions++;
  await expect(manager).toHaveURL(/\/exceptions\/[0-9a-f-]{36}\?proposed=1$/);
  const exceptionPath = new URL(manager.url()).pathname;
  await expect(manager.getByRole("status").filter({ hasText: "Correction proposed" })).toBeVisible();

  // The second manager: the count in the navigation, the queue, one action to approve.
  const manager2 = await pageAs(browser, "manager2");
  await manager2.goto("/gaps");
  actions++;
  await manager2.getByTestId("to-approve").click();
  actions++;
  await expect(manager2).toHaveURL(/\/exceptions\/approvals$/);
  const item = manager2.getByTestId("approval-item").filter({ hasText: `${CODE} × ${SKU}` });
  await expect(item).toContainText("60 transferred to the Reno branch");
  await expect(item.getByTestId("approval-gap")).toContainText("Gap now +60 → after approval 0");
  await item.getByRole("button", { name: "Approve \u221260" }).click();
  actions++;
  await expect(manager2.getByText("Approved: the gap is now 0 and the exception is resolved by correction")).toBeVisible();

  expect(actions).toBeLessThanOrEqual(10);
  test.info().annotations.push({ type: "actions", description: String(actions) });

  // The exception shows it, to staff and to the distributor.
  await manager.goto(exceptionPath);
  await expect(manager.getByText("Resolved by correction").first()).toBeVisible();
  const distributor = await (await browser.newContext()).newPage();
  await distributor.goto("/sign-in");
  await distributor.getByLabel("E-mail").fill(EMAIL);
  await distributor.getByLabel("Password").fill(PASSWORD);
  await distributor.getByRole("button", { name: "Sign in" }).click();
  await expect(distributor).toHaveURL(/\/submit$/, { timeout: 30_000 });
  await distributor.goto("/my-exceptions?status=all");
  await expect(distributor.getByText("Resolved by correction").first()).toBeVisible();
  void DEMO_PASSWORD;
});

test("from the drill-down, the distributor is asked without retyping; from the gap view, rows open exceptions in bulk", async ({ browser }) => {
  const manager = await pageAs(browser, "manager");
  await manager.goto(`/gaps/${CODE}/${SKU2}?period=${period}`);
  await manager.getByRole("region", { name: "Act on this row" }).getByRole("button", { name: "Ask the distributor" }).click();
  const ask = manager.getByRole("form", { name: "Ask the distributor about this row" });
  await expect(ask.getByLabel("Question to the distributor")).toHaveValue(/you reported 45/);
  await ask.getByRole("button", { name: "Send question" }).click();
  await expect(manager).toHaveURL(/\/exceptions\/[0-9a-f-]{36}\?asked=1$/);
  await expect(manager.getByRole("list", { name: "Notes and history" })).toContainText("you reported 45");

  // Bulk: both rows selected, one already has an exception (the one just asked about), the other's was resolved.
  await manager.goto(`/gaps?period=${period}&distributor=${CODE}`);
  for (const sku of [SKU, SKU2]) await manager.getByRole("checkbox", { name: `Select ${CODE} ${sku}` }).check();
  const bar = manager.getByRole("form", { name: "Selected rows" });
  await expect(bar).toContainText("2 rows selected");
  await bar.getByRole("button", { name: "Open exceptions" }).click();
  await expect(bar.getByText("Opened 0 exceptions · 2 already had one")).toBeVisible();
});
