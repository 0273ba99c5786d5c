import { test, expect, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./accounts";

async function reminderCount(request: APIRequestContext, code: string): Promise<number> {
  const res = await request.get(`/api/v1/compliance/reminders?distributor=${code}`);
  expect(res.status()).toBe(200);
  return (await res.json()).rows.length;
}

test.describe("compliance board", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("a channel manager sees who is late or missing, filters, sorts and exports", async ({ page, request }) => {
    await page.goto("/compliance");
    await expect(page.getByRole("heading", { name: "Reporting compliance" })).toBeVisible();
    const board = page.getByRole("region", { name: "Distributors by period" });
    const ces = board.locator('tr[data-distributor="CES"]');
    const mpd = board.locator('tr[data-distributor="MPD"]');
    await expect(ces.getByText(/^Late \d+d$/).first()).toBeVisible();
    // Meridian skipped a month long past due (and the latest one, which may not be due yet).
    await expect(mpd.locator('[data-status="missing"]').first()).toBeVisible();
    await expect(board.locator('tr[data-distributor="BSE"]').getByText(/^Incomplete \d+$/)).toBeVisible();
    await expect(board.locator('tr[data-distributor="NWC"]').getByText("100 %")).toBeVisible();

    await page.getByLabel("Status (in any period)").selectOption("missing");
    await expect(mpd).toBeVisible();
    await expect(board.locator('tr[data-distributor="NWC"]')).toHaveCount(0);
    await page.getByLabel("Status (in any period)").selectOption("");
    await page.getByRole("textbox", { name: "Distributor" }).fill("cascade");
    await expect(board.locator("tbody tr")).toHaveCount(1);
    await page.getByRole("textbox", { name: "Distributor" }).fill("");

    await board.getByRole("button", { name: /Avg days late/ }).click();
    await board.getByRole("button", { name: /Avg days late/ }).click();
    await expect(board.locator("tbody tr").first()).toHaveAttribute("data-distributor", "CES");

    const periods: { period: string; state: string }[] = await (await request.get("/api/v1/periods")).json();
    const ended = periods.filter((p) => p.state !== "future").map((p) => p.period);
    const api = await request.get(`/api/v1/compliance?from=${ended[Math.min(11, ended.length - 1)]}&to=${ended[0]}`);
    expect(api.status()).toBe(200);
    const body = await api.json();
    const mpdMissing = body.rows.filter((r: { distributor: string; status: string }) => r.distributor === "MPD" && r.status === "missing");
    expect(mpdMissing.length).toBeGreaterThanOrEqual(1);
    for (const r of mpdMissing) expect(r).toMatchObject({ submittedAt: null, daysLate: null });
    const cesLate = body.rows.find((r: { distributor: string; status: string }) => r.distributor === "CES" && r.status === "late");
    expect(cesLate.daysLate).toBeGreaterThan(0);

    const csv = await request.get("/api/v1/compliance?format=csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[0]).toBe("distributor,period,status,submittedAt,daysLate,missingSkus,dueAt,lastRemindedAt");
  });

  test("a channel manager reminds the missing partner; the outbox holds exactly one message for it", async ({ page, request, browser }) => {
    const before = await reminderCount(request, "MPD");
    await page.goto("/compliance");
    const board = page.getByRole("region", { name: "Distributors by period" });
    await board.getByRole("checkbox", { name: "Select MPD" }).check();
    const remind = page.getByRole("button", { name: "Remind selected (1)" });
    await remind.dblclick();
    await expect(page.getByText(/Reminder for \d{4}-\d{2} queued for MPD/)).toBeVisible();
    await expect.poll(() => reminderCount(request, "MPD")).toBe(before + 1);
    // Give a stray second click time to land: still exactly one new message.
    await page.waitForTimeout(500);
    expect(await reminderCount(request, "MPD")).toBe(before + 1);

    // Recorded on the board.
    await page.reload();
    await expect(page.getByRole("region", { name: "Distributors by period" }).locator('tr[data-distributor="MPD"]').getByLabel(/reminded \d+ times?/)).toBeVisible();

    // The admin's outbox page shows it, unsent (no SMTP in the test server).
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/outbox?distributor=MPD");
    const rows = adminPage.getByRole("region", { name: "Outbox messages" }).locator('tbody tr[data-distributor="MPD"]');
    await expect(rows).toHaveCount(before + 1);
    await expect(rows.first()).toContainText("Manual");
    await expect(rows.first()).toContainText("Not sent — no SMTP configured");
    await expect(rows.first()).toContainText("ops@meridian.test");
    await admin.close();
  });
});
