/**
 * Issue 12, item 6: lost updates. Two managers editing one exception, or two analysts one rebate
 * programme: the second write based on an old version is refused — 412 with the current state over
 * the API (stale If-Match), a clear message on the screen — instead of silently overwriting.
 * Works on rows of its own (a new distributor and product, a programme of the past), so it changes
 * nothing another spec reads.
 */
import { test, expect, request as pwRequest, type APIRequestContext, type Browser } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf, type AccountName } from "./accounts";

const as = (who: AccountName) => pwRequest.newContext({ baseURL, storageState: storageStateOf(who) });
const pageAs = async (browser: Browser, who: AccountName) => (await browser.newContext({ storageState: storageStateOf(who) })).newPage();

/** A new distributor × product with sell-in in the latest ended period, and an exception on it. */
async function ownException(): Promise<{ id: string; admin: APIRequestContext; manager: APIRequestContext; manager2: APIRequestContext }> {
  const [admin, manager, manager2] = await Promise.all([as("admin"), as("manager"), as("manager2")]);
  const tag = String(Date.now()).slice(-7);
  const code = `LU${tag}`;
  const sku = `LU-${tag}`;
  expect((await admin.post("/api/v1/admin/distributors", { data: { code, name: `Lost update ${tag}` } })).status()).toBe(201);
  expect((await admin.post("/api/v1/admin/products", { data: { sku, description: "Lost update part", family: "Test", listPrice: "1.00" } })).status()).toBe(201);
  const periods = (await (await manager.get("/api/v1/periods")).json()) as { period: string; state: string }[];
  const period = periods.find((p) => p.state !== "future")!.period;
  const csv = `distributor_code,sku,ship_date,quantity,document,line\n${code},${sku},${period}-05,100,LU-${tag},1\n`;
  expect((await admin.post("/api/v1/sell-in", { data: csv, headers: { "content-type": "text/csv" } })).status()).toBe(200);
  const opened = await manager.post("/api/v1/exceptions", { data: { distributor: code, sku, period } });
  expect(opened.status(), await opened.text()).toBe(201);
  return { id: (await opened.json()).id, admin, manager, manager2 };
}

test.describe("lost updates", () => {
  test("an exception: a PATCH with a stale If-Match is 412 with the current state, and changes nothing", async () => {
    const { id, admin, manager, manager2 } = await ownException();
    const first = await manager.get(`/api/v1/exceptions/${id}`);
    const etag = first.headers()["etag"]!;
    expect(etag).toMatch(/^"\d+"$/);

    const theirs = await manager2.patch(`/api/v1/exceptions/${id}`, { data: { status: "investigating" }, headers: { "if-match": etag } });
    expect(theirs.status()).toBe(200);
    const newer = theirs.headers()["etag"]!;
    expect(newer).not.toBe(etag);

    const mine = await manager.patch(`/api/v1/exceptions/${id}`, { data: { status: "dismissed", reason: "reporting_error" }, headers: { "if-match": etag } });
    expect(mine.status()).toBe(412);
    expect(mine.headers()["etag"]).toBe(newer);
    const body = await mine.json();
    expect(body.error.code).toBe("precondition_failed");
    expect(body.error.details.current).toMatchObject({ id, status: "investigating", reason: null });

    const now = await (await manager.get(`/api/v1/exceptions/${id}`)).json();
    expect(now).toMatchObject({ status: "investigating", reason: null });
    // With the current ETag the same change goes through.
    expect((await manager.patch(`/api/v1/exceptions/${id}`, { data: { status: "dismissed" }, headers: { "if-match": newer } })).status()).toBe(200);
    await Promise.all([admin.dispose(), manager.dispose(), manager2.dispose()]);
  });

  test("an exception on the screen: saving over another manager's change shows a conflict and keeps theirs", async ({ browser }) => {
    const { id, admin, manager, manager2 } = await ownException();
    const page = await pageAs(browser, "manager");
    await page.goto(`/exceptions/${id}`);
    const controls = page.getByRole("form", { name: "Status, reason and owner" });
    await expect(controls).toBeVisible();
    // Meanwhile the second manager sets a reason.
    expect((await manager2.patch(`/api/v1/exceptions/${id}`, { data: { reason: "stock_transfer" } })).status()).toBe(200);

    await controls.getByLabel("Status").selectOption("investigating");
    await controls.getByLabel("Reason").selectOption("reporting_error");
    await controls.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("was changed by someone else after you opened it, so nothing was saved")).toBeVisible();
    expect(await (await manager.get(`/api/v1/exceptions/${id}`)).json()).toMatchObject({ status: "open", reason: "stock_transfer" });
    await page.context().close();
    await Promise.all([admin.dispose(), manager.dispose(), manager2.dispose()]);
  });

  test("a rebate programme: stale If-Match → 412 over the API, and a conflict message on the edit screen", async ({ browser }) => {
    const analyst = await as("rebates");
    const values = { name: `Lost update probe ${Date.now()}`, fromPeriod: "2020-01", toPeriod: "2020-03", graceDays: 0, lateAllowed: 0, minCompletenessPct: 95, maxAccuracyPct: 2, ratePct: 1 };
    const created = await analyst.post("/api/v1/rebates", { data: values });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = await created.json();
    const etag = (await analyst.get(`/api/v1/rebates/${id}`)).headers()["etag"]!;
    const saved = await analyst.patch(`/api/v1/rebates/${id}`, { data: { ...values, ratePct: 2 }, headers: { "if-match": etag } });
    expect(saved.status()).toBe(200);
    const stale = await analyst.patch(`/api/v1/rebates/${id}`, { data: { ...values, ratePct: 3 }, headers: { "if-match": etag } });
    expect(stale.status()).toBe(412);
    expect((await stale.json()).error.details.current.rules.ratePct).toBe("2.00");

    const page = await pageAs(browser, "rebates");
    await page.goto(`/rebates/${id}/edit`);
    await expect(page.getByRole("form", { name: "Edit programme" })).toBeVisible();
    expect((await analyst.patch(`/api/v1/rebates/${id}`, { data: { ...values, ratePct: 4 } })).status()).toBe(200);
    await page.getByLabel("Rate %").fill("5");
    await page.getByRole("button", { name: "Save programme" }).click();
    await expect(page.getByText("was changed by someone else after you opened it, so nothing was saved")).toBeVisible();
    expect((await (await analyst.get(`/api/v1/rebates/${id}`)).json()).rules.ratePct).toBe("4.00");
    await page.context().close();
    await analyst.dispose();
  });
});
