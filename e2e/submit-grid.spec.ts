import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_PASSWORD, storageStateOf } from "./accounts";
import { baseURL } from "./env";
import { submitThroughReview } from "./through-review";

/**
 * The distributor's report screen. Each distributor account is used by one describe block, so the
 * specs that submit (Meridian, Cascade, Bluestone) never change what another spec reads.
 */

type Period = { period: string; state: "open" | "closed" | "future" };
type ViewLine = { sku: string; sold: number; returned: number; onHand: number; note: string | null };
type View = { period: string; revision: number | null; status: string; lines: ViewLine[] };

const fmt = (n: number) => new Intl.NumberFormat("en-US").format(n).replace("-", "\u2212");

async function openPeriod(request: APIRequestContext): Promise<string> {
  const periods: Period[] = await (await request.get("/api/v1/periods")).json();
  return periods.find((p) => p.state === "open")!.period;
}

async function view(request: APIRequestContext, period: string): Promise<View> {
  const res = await request.get(`/api/v1/submissions/${period}`);
  expect(res.status()).toBe(200);
  return res.json();
}

async function revisions(request: APIRequestContext, period: string): Promise<unknown[]> {
  return (await request.get(`/api/v1/submissions/${period}/revisions`)).json();
}

/** Loads the screen and waits until the grid is hydrated (it marks itself `data-ready`). */
async function openGrid(page: Page, url = "/submit") {
  await page.goto(url);
  await expect(page.getByTestId("submission-grid")).toHaveAttribute("data-ready", "1");
}

/** What Excel or Google Sheets put on the clipboard, pasted into the focused cell. */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

const cell = (page: Page, field: "Sold" | "Returned" | "On hand", sku: string) => page.getByLabel(`${field}, ${sku}`, { exact: true });

async function focusedLabel(page: Page) {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
}

async function expectNoSeriousAxeViolations(page: Page) {
  // axe.run in the page itself (legacy mode): the app has no frames, and no blank page is opened to finish each run.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

test.describe("Meridian (has not submitted the open period)", () => {
  test.use({ storageState: storageStateOf("meridian") });

  test("sees the prefilled grid, types three cells and pastes four, finds the draft after a reload, submits and gets the receipt", async ({ page }) => {
    const request = page.request;
    const period = await openPeriod(request);
    const prefill = await view(request, period);
    expect(prefill.revision, "Meridian has not submitted the open period").toBeNull();
    const [y, m] = period.split("-").map(Number);
    const previous = `${m === 1 ? y! - 1 : y}-${String(m === 1 ? 12 : m! - 1).padStart(2, "0")}`;
    const last = await view(request, previous);
    const lastBySku = new Map(last.lines.map((l) => [l.sku, l]));

    await openGrid(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("report");
    // Missing once the period is past due; before its due day it is still pending.
    expect(["missing", "pending"]).toContain(prefill.status);
    await expect(page.getByText(`Status: ${prefill.status === "missing" ? "Missing" : "Pending"}`)).toBeVisible();
    // The demo's running programme: once the latest period is past due and unreported, Meridian is not
    // eligible — and says why; before its due day a pending period does not count against it yet.
    if (prefill.status === "missing") {
      await expect(page.getByTestId("rebate-standing")).toContainText("not eligible");
      await expect(page.getByTestId("rebate-standing")).toContainText("not submitted");
    } else {
      await expect(page.getByTestId("rebate-standing")).not.toContainText("not submitted");
    }

    // Prefilled: sold = last period's sold, returned = 0, on hand = last period's reported on hand.
    const skus = prefill.lines.map((l) => l.sku);
    for (const sku of skus.slice(0, 4)) {
      const was = lastBySku.get(sku)!;
      await expect(cell(page, "Sold", sku)).toHaveValue(fmt(was.sold));
      await expect(cell(page, "Returned", sku)).toHaveValue("0");
      await expect(cell(page, "On hand", sku)).toHaveValue(fmt(was.onHand));
    }
    await expect(page.getByTestId("changes-count")).toHaveText("No changes");

    // Three cells by typing: typing replaces, Enter goes down, Tab goes right.
    const [a, b, c, d] = skus;
    await cell(page, "Sold", a!).click();
    await page.keyboard.type("1,234");
    await page.keyboard.press("Enter");
    expect(await focusedLabel(page)).toBe(`Sold, ${b}`);
    await page.keyboard.type("7");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe(`Returned, ${b}`);
    await page.keyboard.type("2");
    await page.keyboard.press("Tab");

    // Four cells by pasting a 2 × 2 block copied from Excel (CRLF, tabs) into Sold of the third row.
    await cell(page, "Sold", c!).focus();
    await paste(page, "10\t1\r\n20\t2\r\n");
    await expect(cell(page, "Sold", c!)).toHaveValue("10");
    await expect(cell(page, "Returned", c!)).toHaveValue("1");
    await expect(cell(page, "Sold", d!)).toHaveValue("20");
    await expect(cell(page, "Returned", d!)).toHaveValue("2");
    await page.keyboard.press("Tab");
    await expect(cell(page, "Sold", a!)).toHaveValue("1,234");
    await expect(page.getByTestId("changes-count")).toHaveText("7 changes");
    await expect(page.getByTestId("save-status")).toContainText("All changes saved", { timeout: 15_000 });

    // The draft is on the server: a reload shows the same grid.
    await page.evaluate(() => sessionStorage.clear());
    await openGrid(page);
    await expect(cell(page, "Sold", a!)).toHaveValue("1,234");
    await expect(cell(page, "Sold", b!)).toHaveValue("7");
    await expect(cell(page, "Returned", b!)).toHaveValue("2");
    await expect(cell(page, "Returned", d!)).toHaveValue("2");
    await expect(page.getByTestId("changes-count")).toHaveText("7 changes");

    await submitThroughReview(page, () => page.getByTestId("submit-report").click(), new RegExp(`/history/${period}/1\\?receipt=1$`));
    const stored = await view(request, period);
    expect(stored.revision).toBe(1);
    const bySku = new Map(stored.lines.map((l) => [l.sku, l]));
    expect(bySku.get(a!)!.sold).toBe(1234);
    expect(bySku.get(b!)).toMatchObject({ sold: 7, returned: 2 });
    expect(bySku.get(d!)).toMatchObject({ sold: 20, returned: 2 });
    expect(stored.lines).toHaveLength(prefill.lines.length);
  });
});

test.describe("Cascade", () => {
  test.use({ storageState: storageStateOf("cascade") });

  test("a double click on Submit stores one revision", async ({ page }) => {
    const request = page.request;
    const period = await openPeriod(request);
    const before = (await revisions(request, period)).length;
    const current = await view(request, period);
    await openGrid(page);
    // Cascade reports late: before the due day it may not have sent the open period yet.
    await expect(page.getByTestId("submit-report")).toHaveText(before ? `Submit revision ${before + 1}` : /^Submit [A-Z][a-z]{2} \d{4}$/);
    const sku = current.lines[0]!.sku;
    await cell(page, "Returned", sku).click();
    await page.keyboard.type(String(current.lines[0]!.returned + 1));
    await page.keyboard.press("Tab");
    await submitThroughReview(page, () => page.getByTestId("submit-report").dblclick(), new RegExp(`/history/${period}/${before + 1}\\?receipt=1$`));
    await page.waitForTimeout(1000);
    expect(await revisions(request, period)).toHaveLength(before + 1);
  });

  test("another distributor's report is not readable through the API", async ({ request }) => {
    const period = await openPeriod(request);
    const res = await request.get(`/api/v1/submissions/${period}?distributor=NWC`);
    expect(res.status()).toBe(404);
  });

  test("another distributor's report URL is a 404 with nothing of theirs", async ({ page }) => {
    const period = await openPeriod(page.request);
    const res = await page.goto(`/submit?period=${period}&distributor=NWC`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText(/Northwind/)).toHaveCount(0);
    await expect(page.getByTestId("submit-report")).toHaveCount(0);
    // A malformed or future period is the same page.
    for (const bad of ["not-a-period", "2099-01"]) {
      expect((await page.goto(`/submit?period=${bad}`))?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
  });
});

test.describe("Bluestone", () => {
  test.use({ storageState: storageStateOf("bluestone") });

  test("a colleague's submission meanwhile shows the conflict and what differs, and overwrites nothing", async ({ page }) => {
    const request = page.request;
    const period = await openPeriod(request);
    const start = await view(request, period);
    expect(start.revision).not.toBeNull();
    const [first, second] = start.lines;

    await openGrid(page);
    await cell(page, "Sold", first!.sku).click();
    await page.keyboard.type("4321");
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("save-status")).toContainText("All changes saved", { timeout: 15_000 });

    // A colleague (the same account, through the API) submits a new revision meanwhile.
    const theirs = start.lines.map((l, i) => ({ sku: l.sku, sold: i === 1 ? l.sold + 5 : l.sold, returned: l.returned, onHand: l.onHand, note: l.note ?? undefined }));
    const res = await request.post(`/api/v1/submissions/${period}`, {
      headers: { "Idempotency-Key": crypto.randomUUID() },
      data: { baseRevision: start.revision, lines: theirs },
    });
    expect(res.status(), await res.text()).toBe(201);
    const latest = start.revision! + 1;

    await page.getByTestId("submit-report").click();
    const conflict = page.getByTestId("conflict");
    await expect(conflict).toContainText(`Revision ${latest} was submitted by Owen Fitzgerald`);
    await expect(conflict).toContainText("while you were editing");
    await expect(conflict.locator("tr", { hasText: first!.sku })).toContainText("4,321");
    await expect(conflict.locator("tr", { hasText: second!.sku })).toContainText(fmt(second!.sold + 5));
    expect(await revisions(request, period)).toHaveLength(latest);

    // "Review their numbers": their revision, with my changed cell kept as a draft on top.
    await conflict.getByRole("button", { name: "Review their numbers" }).click();
    await expect(page.getByTestId("submission-grid")).toHaveAttribute("data-ready", "1");
    await expect(page.getByTestId("submit-report")).toHaveText(`Submit revision ${latest + 1}`);
    await expect(cell(page, "Sold", second!.sku)).toHaveValue(fmt(second!.sold + 5));
    await expect(cell(page, "Sold", first!.sku)).toHaveValue("4,321");
    await expect(page.getByTestId("changes-count")).toHaveText("1 change");
  });
});

test.describe("Kestrel", () => {
  test.use({ storageState: storageStateOf("kestrel") });

  test("works from the keyboard: arrows, Enter, Tab, typing replaces, Escape reverts; errors name the SKU and field", async ({ page }) => {
    const period = await openPeriod(page.request);
    const current = await view(page.request, period);
    const [a, b] = current.lines;
    await openGrid(page);

    await cell(page, "Sold", a!.sku).click();
    await page.keyboard.press("ArrowRight");
    expect(await focusedLabel(page)).toBe(`Returned, ${a!.sku}`);
    await page.keyboard.press("ArrowDown");
    expect(await focusedLabel(page)).toBe(`Returned, ${b!.sku}`);
    await page.keyboard.press("ArrowLeft");
    expect(await focusedLabel(page)).toBe(`Sold, ${b!.sku}`);
    await page.keyboard.press("ArrowUp");
    expect(await focusedLabel(page)).toBe(`Sold, ${a!.sku}`);
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe(`Returned, ${a!.sku}`);
    await page.keyboard.press("Shift+Tab");
    expect(await focusedLabel(page)).toBe(`Sold, ${a!.sku}`);

    // Typing replaces the whole value; Escape reverts to the original.
    await page.keyboard.type("99");
    await expect(cell(page, "Sold", a!.sku)).toHaveValue("99");
    await expect(page.getByTestId("changes-count")).toHaveText("1 change");
    await page.keyboard.press("Escape");
    await expect(cell(page, "Sold", a!.sku)).toHaveValue(String(a!.sold));
    await page.keyboard.press("Enter");
    expect(await focusedLabel(page)).toBe(`Sold, ${b!.sku}`);
    await expect(page.getByTestId("changes-count")).toHaveText("No changes");

    // Ctrl/Cmd+C copies the cell's number.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.keyboard.press("ControlOrMeta+C");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(String(b!.sold));

    // A negative number: red cell with its message, listed above the grid on submit.
    await page.keyboard.type("-5");
    await page.keyboard.press("Tab");
    const bad = cell(page, "Sold", b!.sku);
    await expect(bad).toHaveAttribute("aria-invalid", "true");
    await expect(bad).toHaveAccessibleDescription(/Sold cannot be negative/);
    await page.getByTestId("submit-report").click();
    await expect(page.getByTestId("error-summary")).toContainText(`${b!.sku} · Sold: cannot be negative`);
    await expectNoSeriousAxeViolations(page);
    await page.getByTestId("error-summary").getByRole("button", { name: new RegExp(b!.sku) }).click();
    expect(await focusedLabel(page)).toBe(`Sold, ${b!.sku}`);
    await page.keyboard.press("Escape");
    await expect(bad).not.toHaveAttribute("aria-invalid", "true");

    // Rows are virtualised: Ctrl+↓ still reaches the last SKU, and search filters as you type.
    const lastSku = current.lines[current.lines.length - 1]!.sku;
    await page.keyboard.press("ControlOrMeta+ArrowDown");
    await expect.poll(() => focusedLabel(page)).toBe(`Sold, ${lastSku}`);
    await page.getByLabel("Search SKU").fill(b!.sku);
    await expect(page.getByLabel(/^Sold, /)).toHaveCount(current.lines.filter((l) => l.sku.toUpperCase().includes(b!.sku.toUpperCase())).length);
  });

  test("the page passes axe", async ({ page }) => {
    await openGrid(page);
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel("Show forecast").check();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("Pacific Rim", () => {
  test.use({ storageState: storageStateOf("pacificrim") });

  test("another distributor's report is not found by URL", async ({ page }) => {
    const period = await openPeriod(page.request);
    const res = await page.goto(`/submit?period=${period}&distributor=NWC`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Northwind")).toHaveCount(0);
    await expect(page.getByTestId("submission-grid")).toHaveCount(0);
    expect((await page.request.get(`/api/v1/submissions/${period}?distributor=NWC`)).status()).toBe(404);
  });
});

test.describe("a new distributor without carried SKUs", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees the empty state and adds a SKU from the catalogue, which the draft keeps", async ({ page, browser }) => {
    const tag = Date.now().toString(36).slice(-5).toUpperCase();
    const code = `NEW${tag}`;
    const email = `ops-${tag.toLowerCase()}@new-distributor.test`;
    expect((await page.request.post("/api/v1/admin/distributors", { data: { code, name: `New Distributor ${tag}` } })).status()).toBe(201);
    const created = await page.request.post("/api/v1/admin/users", {
      data: { email, name: "Nia New", role: "distributor", distributorCode: code, password: `${DEMO_PASSWORD}-long` },
    });
    expect(created.status(), await created.text()).toBe(201);

    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const user = await context.newPage();
    await user.goto("/sign-in");
    await user.getByLabel("E-mail").fill(email);
    await user.getByLabel("Password").fill(`${DEMO_PASSWORD}-long`);
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user).toHaveURL(/\/submit$/);
    await expect(user.getByText("No SKUs to report yet")).toBeVisible();

    const picker = user.getByRole("combobox", { name: "Add a SKU from the catalogue" });
    await picker.fill("MCU-100");
    await user.getByRole("option", { name: /MCU-1000/ }).click();
    await expect(cell(user, "Sold", "MCU-1000")).toBeFocused();
    await user.keyboard.type("5");
    await user.keyboard.press("Tab");
    await expect(user.getByTestId("save-status")).toContainText("All changes saved", { timeout: 15_000 });

    await user.evaluate(() => sessionStorage.clear());
    await openGrid(user);
    await expect(cell(user, "Sold", "MCU-1000")).toHaveValue("5");
    await expect(cell(user, "On hand", "MCU-1000")).toHaveValue("0");
    await context.close();
  });
});
