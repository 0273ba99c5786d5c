import { test, expect, request as pwRequest, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { storageStateOf } from "./accounts";
import { baseURL } from "./env";

type Period = { period: string; dueAt: string; state: "open" | "closed" | "future" };
type Line = { sku: string; description: string; sold: number; returned: number; onHand: number; note: string | null };
type Submitted = { submissionId: string; revision: number; submittedAt: string; timeliness: "on_time" | "late"; daysLate: number };

async function expectNoSeriousAxeViolations(page: Page) {
  // axe.run in the page itself (legacy mode): the app has no frames, and no blank page is opened to finish each run.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

/** Ended periods, newest first. */
async function endedPeriods(request: APIRequestContext): Promise<string[]> {
  const res = await request.get("/api/v1/periods");
  expect(res.status()).toBe(200);
  return ((await res.json()) as Period[]).filter((p) => p.state !== "future").map((p) => p.period);
}

const fmt = (n: number) => new Intl.NumberFormat("en-US").format(n).replace("-", "\u2212");

test.describe("history as Northwind", () => {
  test.use({ storageState: storageStateOf("northwind") });

  test("lists every period, newest first, with its status (Northwind: on time)", async ({ page }) => {
    const [latest, previous] = await endedPeriods(page.request);
    await page.goto("/history");
    await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();

    const rows = page.locator("tbody tr[data-period]");
    expect(await rows.count()).toBeGreaterThanOrEqual(12);
    await expect(rows.first()).toHaveAttribute("data-period", latest!);
    await expect(rows.nth(1)).toHaveAttribute("data-period", previous!);

    const latestRow = page.locator(`tr[data-period="${latest}"]`);
    await expect(latestRow.getByText("On time", { exact: true })).toBeVisible();
    await expect(latestRow).toContainText("by Dana Whitfield");
    // Every submitted period of the accurate partner is on time.
    await expect(page.locator("tbody tr[data-period]").getByText(/^Late/)).toHaveCount(0);

    // The period link leads to its revisions.
    await latestRow.getByRole("link", { name: new RegExp(`All revisions of`) }).click();
    await expect(page).toHaveURL(new RegExp(`/history/${latest}$`));
    await expect(page.locator("tr[data-revision]").first()).toContainText("Dana Whitfield");
    await expectNoSeriousAxeViolations(page);
  });

  test("another distributor's revision is a 404, page and CSV alike", async ({ page }) => {
    // A revision Pacific Rim has and Northwind does not: the same address, scoped to the viewer.
    const pre = await pwRequest.newContext({ baseURL, storageState: storageStateOf("pacificrim") });
    let target: { period: string; revision: number } | null = null;
    for (const period of await endedPeriods(page.request)) {
      const theirs: { revision: number }[] = await (await pre.get(`/api/v1/submissions/${period}/revisions`)).json();
      const ours: { revision: number }[] = await (await page.request.get(`/api/v1/submissions/${period}/revisions`)).json();
      const top = theirs[0]?.revision ?? 0;
      if (top > (ours[0]?.revision ?? 0)) {
        target = { period, revision: top };
        break;
      }
    }
    await pre.dispose();
    expect(target, "Pacific Rim has a revision Northwind does not").not.toBeNull();
    const { period, revision } = target!;

    const res = await page.goto(`/history/${period}/${revision}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Submission ID")).toHaveCount(0);
    await expect(page.getByText("Pacific Rim")).toHaveCount(0);
    expect((await page.request.get(`/history/${period}/${revision}/csv`)).status()).toBe(404);
    await expectNoSeriousAxeViolations(page);

    // Addresses that do not exist at all look the same.
    expect((await page.goto(`/history/${period}/999`))?.status()).toBe(404);
    expect((await page.goto(`/history/not-a-period`))?.status()).toBe(404);
    expect((await page.goto(`/history/1999-01`))?.status()).toBe(404);

    // The own revision downloads.
    const own = await page.request.get(`/history/${period}/1/csv`);
    expect(own.status()).toBe(200);
    expect((await own.text()).split("\r\n")[0]).toBe("sku,description,sold,returned,onHand,note");
  });
});

test.describe("revisions submitted through the API as Pacific Rim", () => {
  // Pacific Rim is safe to mutate; an older period keeps clear of the report screen's specs.
  test.use({ storageState: storageStateOf("pacificrim"), timezoneId: "Asia/Singapore", locale: "en-US" });

  test("the diff shows the changed field; the receipt shows revision, time, timeliness, totals, changes and a safe CSV", async ({ page }) => {
    const request = page.request;
    const period = (await endedPeriods(request))[2]!;

    const view = await (await request.get(`/api/v1/submissions/${period}`)).json();
    expect(view.revision, `PRE has submitted ${period}`).not.toBeNull();
    const current = await (await request.get(`/api/v1/submissions/${period}/revisions/${view.revision}`)).json();
    const base: Line[] = current.lines;
    expect(base.length).toBeGreaterThanOrEqual(2);

    async function submit(baseRevision: number, lines: Line[]): Promise<Submitted> {
      const res = await request.post(`/api/v1/submissions/${period}`, {
        headers: { "Idempotency-Key": crypto.randomUUID() },
        data: { baseRevision, lines: lines.map((l) => ({ sku: l.sku, sold: l.sold, returned: l.returned, onHand: l.onHand, note: l.note ?? undefined })) },
      });
      expect(res.status(), await res.text()).toBe(201);
      return res.json();
    }

    const formula = '=HYPERLINK("http://evil.test","click")';
    const [first, second] = base;
    // Revision A: a formula-looking note on the first line and 7 more on hand on the second.
    const a = base.map((l, i) => (i === 0 ? { ...l, note: formula } : i === 1 ? { ...l, onHand: l.onHand + 7 } : l));
    const ra = await submit(view.revision, a);
    // Revision B: the on-hand figure back as seeded (the note stays), so the ledger ends as it began.
    const b = a.map((l, i) => (i === 1 ? { ...l, onHand: second!.onHand } : l));
    const rb = await submit(ra.revision, b);
    expect(rb.revision).toBe(ra.revision + 1);

    // The period page: pick two revisions with the GET form; the diff names the SKU and the field.
    await page.goto(`/history/${period}`);
    await expect(page.locator(`tr[data-revision="${rb.revision}"]`)).toContainText("API");
    await page.getByLabel("From revision", { exact: true }).selectOption(String(view.revision));
    await page.getByLabel("To revision", { exact: true }).selectOption(String(ra.revision));
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${view.revision}&to=${ra.revision}`));
    const changed = page.locator(`tr[data-sku="${second!.sku}"]`);
    await expect(changed.locator('[data-field="onHand"]')).toContainText(`${fmt(second!.onHand)}`);
    await expect(changed.locator('[data-field="onHand"]')).toContainText(`${fmt(second!.onHand + 7)}`);
    await expect(changed.locator('[data-field="onHand"]')).toContainText("+7");
    await expect(changed.locator('[data-field="sold"]')).toContainText("unchanged");
    await expect(page.locator(`tr[data-sku="${first!.sku}"] [data-field="note"]`)).toContainText(formula);
    await expect(page.locator('[data-total="onHand"]')).toHaveText("+7");
    await expectNoSeriousAxeViolations(page);

    // The same revision twice: nothing to compare.
    await page.goto(`/history/${period}?from=${rb.revision}&to=${rb.revision}`);
    await expect(page.getByText("Pick two different revisions")).toBeVisible();

    // The receipt.
    await page.goto(`/history/${period}/${rb.revision}?receipt=1`);
    await expect(page.getByRole("status").filter({ hasText: "Submitted" })).toContainText(`Submitted — revision ${rb.revision} of ${period}`);
    await expect(page.getByTestId("submission-id")).toHaveText(rb.submissionId);
    await expect(page.getByTestId("revision-number")).toHaveText(String(rb.revision));
    // The time, in the browser's locale and time zone (Singapore here), with the zone's name.
    const time = page.locator(`time[datetime="${rb.submittedAt}"]`).first();
    await expect(time).toHaveAttribute("data-local", "");
    const expectedTime = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(new Date(iso)),
      rb.submittedAt,
    );
    expect(expectedTime).toMatch(/GMT\+8|SGT/);
    await expect(time).toHaveText(expectedTime);
    await expect(page.getByTestId("timeliness")).toHaveText(rb.timeliness === "on_time" ? "On time" : new RegExp(`Late · ${rb.daysLate} day`));

    const totals = page.getByRole("group", { name: "Totals" });
    const sum = (k: "sold" | "returned" | "onHand") => b.reduce((acc, l) => acc + l[k], 0);
    await expect(totals).toContainText(`Sold${fmt(sum("sold"))}`);
    await expect(totals).toContainText(`Returned${fmt(sum("returned"))}`);
    await expect(totals).toContainText(`On hand${fmt(sum("onHand"))}`);
    await expect(totals).toContainText(`Lines${fmt(b.length)}`);

    // The rows that changed versus revision A: the second SKU's on hand went back down by 7.
    await expect(page.getByRole("heading", { name: `Changed from revision ${ra.revision}` })).toBeVisible();
    const back = page.getByRole("region", { name: `Changed from revision ${ra.revision}` }).locator(`tr[data-sku="${second!.sku}"]`);
    await expect(back.locator('[data-field="onHand"]')).toContainText("\u22127");
    await expect(page.getByRole("region", { name: `Changed from revision ${ra.revision}` }).locator("tbody tr")).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);

    // The CSV of what was submitted: a formula is neutralised with an apostrophe.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV of what was submitted" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`sellthru-PRE-${period}-revision-${rb.revision}.csv`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const csv = Buffer.concat(chunks).toString("utf8");
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toBe("sku,description,sold,returned,onHand,note");
    expect(rows).toHaveLength(b.length + 1);
    const firstRow = rows.find((r) => r.startsWith(`${first!.sku},`))!;
    expect(firstRow).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(firstRow.startsWith(`${first!.sku},`)).toBe(true);
    expect(csv).not.toMatch(/(^|,)=/m);
    const secondRow = rows.find((r) => r.startsWith(`${second!.sku},`))!;
    expect(secondRow).toContain(`,${second!.sold},${second!.returned},${second!.onHand},`);
  });
});
