import { test, expect } from "@playwright/test";
import { storageStateOf } from "./accounts";

/**
 * Issue 14.3: staff see the data-quality score where they judge a partner's numbers — the gap view
 * filtered to one distributor states that report's score and its parts, and channel health lists
 * each distributor's score for the period. (The demo's revisions are scored like any stored through
 * the app: lib/seed/score-demo.ts.)
 */
test.use({ storageState: storageStateOf("manager") });

test("the gap view of one distributor and channel health show the report's quality score", async ({ page, request }) => {
  const periods: { period: string; state: string }[] = await (await request.get("/api/v1/periods")).json();
  const ended = periods.filter((p) => p.state !== "future").map((p) => p.period).sort();
  const period = ended.at(-2)!; // a month every demo partner has reported
  await page.goto(`/gaps?period=${period}&distributor=MPD`);
  await expect(page.getByTestId("report-quality")).toContainText(/MPD’s .+ report \(revision \d+\): quality \d{1,3}\/100 — completeness \d+ · plausibility \d+ · agreement with our calculation \d+ · freshness \d+/);

  await page.goto(`/health?period=${period}`);
  await expect(page.getByTestId("quality-MPD")).toHaveText(/^\d{1,3}$/);
});
