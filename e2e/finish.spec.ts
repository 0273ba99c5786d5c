/**
 * Issue 16, item 6 ("Finish"), one test per point: the unknown-URL page, the compliance board at
 * 1,440 px, history paging, the drill-down chart's first period, "not yet due" on the health chart,
 * the admin pages managers may use, the outbox in an admin's words, and the phone layout (menu,
 * sticky submit bar). Read-only: nothing is submitted or changed.
 */
import { test, expect, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";

const PHONE = { width: 390, height: 844 };

/** No horizontal scrolling of the page, and none inside `selector` when given. */
async function overflow(page: Page, selector?: string) {
  return page.evaluate((sel) => {
    const doc = document.documentElement;
    const el = sel ? document.querySelector(sel) : null;
    return {
      page: { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth },
      box: el ? { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth } : null,
    };
  }, selector);
}

test.describe("the unknown-URL page", () => {
  test.describe("signed in", () => {
    test.use({ storageState: storageStateOf("manager") });
    test("sits inside the app shell, and its navigation works", async ({ page }) => {
      const res = await page.goto("/no-such-page");
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await nav.getByRole("link", { name: "Compliance" }).click();
      await expect(page).toHaveURL(/\/compliance$/);
      await expect(page.getByRole("heading", { level: 1, name: "Reporting compliance" })).toBeVisible();
    });

    test("a staff page a distributor may not see is the same page, in the distributor's shell", async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateOf("northwind") });
      const page = await context.newPage();
      expect((await page.goto("/gaps"))?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Submit" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gaps" })).toHaveCount(0);
      await context.close();
    });
  });

  test("signed out, a plain page with a sign-in link", async ({ page }) => {
    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("the compliance board", () => {
  test.use({ storageState: storageStateOf("manager"), viewport: { width: 1440, height: 900 } });
  test("fits 1,440 px: 12 periods, no horizontal overflow, the distributor column sticky", async ({ page }) => {
    await page.goto("/compliance");
    const board = page.getByRole("region", { name: "Distributors by period" });
    await expect(board.locator("tbody tr[data-distributor]").first()).toBeVisible();
    await expect(board.locator("thead th")).toHaveCount(1 + 12 + 3);
    const o = await overflow(page, '[data-testid="compliance-board"]');
    // data-testid sits on the table; its scroll container is the region around it.
    const region = await board.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(o.page.scrollWidth).toBeLessThanOrEqual(o.page.clientWidth);
    expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    const first = board.locator("tbody tr[data-distributor] td").first();
    await expect(first).toHaveCSS("position", "sticky");
    await expect(first).toHaveCSS("left", "0px");
  });
});

test.describe("history", () => {
  test.use({ storageState: storageStateOf("northwind") });
  test("lists every period, twelve a page, with links to the other pages", async ({ page }) => {
    const periods: { period: string; state: string }[] = await (await page.request.get("/api/v1/periods")).json();
    await page.goto("/history");
    const rows = page.locator("tbody tr[data-period]");
    await expect(rows).toHaveCount(12);
    // Not a scroll box: the table's container is as tall as the table.
    const region = page.getByRole("region", { name: "Reporting periods" });
    const box = await region.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight);

    const seen = new Set<string>();
    for (let n = 1; ; n++) {
      for (const p of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-period")!))) seen.add(p);
      const next = page.getByRole("navigation", { name: "History pages" }).getByRole("link", { name: /Next/ });
      if ((await next.count()) === 0) break;
      await expect(next).toHaveAttribute("href", `/history?page=${n + 1}`);
      await next.click();
      await expect(page).toHaveURL(new RegExp(`/history\\?page=${n + 1}$`));
    }
    // Every period the portal knows (the current month included when it is listed) is on some page.
    const known = periods.map((p) => p.period);
    for (const p of seen) expect(known).toContain(p);
    expect(seen.size).toBeGreaterThan(12);
    await page.getByRole("navigation", { name: "History pages" }).getByRole("link", { name: /Previous/ }).click();
    await expect(rows.first()).toBeVisible();
  });
});

test.describe("charts", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("the drill-down chart starts at the first period with data", async ({ page }) => {
    // The worked example: Northwind took MCU-1000 on in the latest period (opening 0), so earlier periods are empty.
    await page.goto("/gaps/NWC/MCU-1000");
    const chart = page.getByTestId("inventory-flow-chart");
    await expect(chart.locator(".recharts-wrapper > svg")).toBeVisible();
    const first = await chart.getAttribute("data-first-period");
    expect(first).toMatch(/^\d{4}-\d{2}$/);
    // The ledger table (newest first): every period before the charted first one is empty.
    const ledger = page.getByRole("region", { name: "Ledger by period" });
    const rows = await ledger.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim());
        // The period's link carries it as YYYY-MM whatever the locale shows.
        const period = /period=(\d{4}-\d{2})/.exec(tr.querySelector('a[href*="period="]')?.getAttribute("href") ?? "")?.[1] ?? "";
        return { period, figures: cells.slice(1, 8) };
      }),
    );
    const empty = (f: string[]) => f.every((c) => c === "" || c === "—" || /^[−-]?0$/.test(c));
    for (const r of rows) if (r.period < first!) expect(empty(r.figures), `${r.period} is before the chart's first period`).toBe(true);
    const firstRow = rows.find((r) => r.period === first);
    expect(firstRow && !empty(firstRow.figures)).toBe(true);
  });

  test("the health chart marks periods whose reports are not yet due instead of a dip", async ({ page }) => {
    const periods: { period: string; dueAt: string; state: string }[] = await (await page.request.get("/api/v1/periods")).json();
    const notDue = periods.filter((p) => p.state !== "future" && new Date(p.dueAt).getTime() > Date.now()).map((p) => p.period);
    await page.goto("/health");
    const chart = page.getByTestId("inventory-flow-chart");
    await expect(chart.locator(".recharts-wrapper > svg")).toBeVisible();
    const marked = ((await chart.getAttribute("data-not-yet-due")) ?? "").split(" ").filter(Boolean);
    // Marked: exactly the charted periods whose deadline has not passed (the latest ended one, when it is not due yet).
    for (const p of marked) expect(notDue).toContain(p);
    const latestEnded = periods.find((p) => p.state !== "future")!.period;
    if (notDue.includes(latestEnded)) expect(marked).toContain(latestEnded);
    if (notDue.length === 0) {
      await expect(page.getByTestId("not-yet-due-legend")).toHaveCount(0);
      return;
    }
    // The demo's latest ended month is due on the 10th of the next: while it is not, it is marked, not dipped.
    await expect(page.getByTestId("not-yet-due-legend")).toContainText("Not yet due");
    await expect(chart.locator('path[fill^="url(#not-yet-due-"]').first()).toBeVisible();
  });
});

test.describe("admin pages in the navigation", () => {
  for (const [account, expected] of [
    ["admin", { nav: "Data", tabs: ["Overview", "Sell-in", "Distributors", "Products", "Users", "Audit log", "Outbox", "Settings"] }],
    ["manager", { nav: "Sell-in", tabs: ["Overview", "Sell-in"] }],
    ["rebates", { nav: null, tabs: [] }],
  ] as const) {
    test(`${account}: the admin pages the role may use, and only those`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateOf(account) });
      const page = await context.newPage();
      await page.goto("/gaps");
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const label of ["Data", "Sell-in"]) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(label === expected.nav ? 1 : 0);
      if (expected.nav) {
        await nav.getByRole("link", { name: expected.nav, exact: true }).click();
        const tabs = page.getByRole("navigation", { name: "Data admin" }).getByRole("link");
        await expect(tabs).toHaveText([...expected.tabs]);
        // Every tab opens (the page's own check agrees with the navigation).
        for (const href of await tabs.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) expect((await page.request.get(href)).status(), href).toBe(200);
      } else {
        expect((await page.goto("/admin"))?.status()).toBe(404);
      }
      // A page the role may not use is a 404, and not in the navigation.
      if (account !== "admin") expect((await page.goto("/admin/users"))?.status()).toBe(404);
      await context.close();
    });
  }
});

test.describe("the outbox", () => {
  test.use({ storageState: storageStateOf("admin") });
  test("speaks to an admin: what it is, states in plain words, no field names", async ({ page }) => {
    await page.goto("/admin/outbox");
    await expect(page.getByTestId("outbox-explainer")).toContainText("How it works");
    await expect(page.getByTestId("outbox-explainer")).toContainText("tried again");
    const text = await page.locator("main").innerText();
    for (const raw of ["SMTP_URL", "npm run", "lastError", "last_error", "dedupe", "sent_at", "attempts:", "due_day", "_"]) expect(text, raw).not.toContain(raw);
    const table = page.getByRole("region", { name: "Outbox messages" });
    if ((await table.count()) > 0) {
      await expect(table.getByRole("columnheader")).toHaveText(["Queued", "Distributor", "What", "Period", "To", "Subject", "Status"]);
    }
  });
});

test.describe("phone layout", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test.describe("menu", () => {
    test.use({ storageState: storageStateOf("manager") });
    test("a menu button opens the navigation; Escape closes it and focus returns", async ({ page }) => {
      await page.goto("/gaps");
      const menu = page.getByRole("button", { name: "Menu" });
      await expect(menu).toBeVisible();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      const o = await overflow(page);
      expect(o.page.scrollWidth).toBeLessThanOrEqual(o.page.clientWidth);

      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav).toBeVisible();
      await expect(nav.getByRole("link").first()).toBeFocused();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toBeFocused();
      await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);

      // A link followed closes the menu on the new page.
      await menu.click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compliance" }).click();
      await expect(page).toHaveURL(/\/compliance$/);
      await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
    });
  });

  test.describe("submit", () => {
    test.use({ storageState: storageStateOf("meridian") });
    test("the submit bar stays at the bottom of the screen while the grid scrolls by", async ({ page }) => {
      await page.goto("/submit");
      const bar = page.getByTestId("submit-bar");
      await expect(bar).toBeVisible();
      const submit = bar.getByTestId("submit-report");
      await expect(submit).toBeVisible();
      await expect(page.getByTestId("submit-report")).toHaveCount(1);
      await expect(bar).toHaveCSS("position", "sticky");
      // Scroll to the top of the grid: the bar sits at the bottom edge of the screen.
      await page.getByTestId("submission-grid").scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.querySelector('[data-testid="submission-grid"]')!.getBoundingClientRect().top + window.scrollY));
      const box = await bar.boundingBox();
      expect(box).not.toBeNull();
      expect(Math.abs(box!.y + box!.height - PHONE.height)).toBeLessThanOrEqual(2);
      await expect(submit).toBeInViewport();
    });
  });
});
