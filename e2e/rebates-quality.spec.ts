import { test, expect } from "@playwright/test";
import { storageStateOf } from "./accounts";

/**
 * Issue 14: the quality score as a rebate rule. The analyst creates a programme with "Minimum quality
 * score" 100 over the last six ended periods; its description states the rule, and a partner whose
 * report scored below it in a period is not eligible, with that period and score as the reason.
 * (In the "mutating" project: a new active programme shows on every partner's standing.)
 */
test.use({ storageState: storageStateOf("rebates") });

test("a programme with a quality rule names the period and the score that broke it", async ({ page, request }) => {
  const periods: { period: string; state: string }[] = await (await request.get("/api/v1/periods")).json();
  const ended = periods.filter((p) => p.state !== "future").map((p) => p.period).sort();
  const [from, to] = [ended.at(-6)!, ended.at(-1)!];
  const name = `Quality rule probe ${Date.now()}`;

  await page.goto("/rebates/new");
  const form = page.getByRole("form", { name: "New programme" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("First period").fill(from);
  await form.getByLabel("Last period").fill(to);
  await form.getByLabel("Minimum quality score").fill("100");
  await form.getByRole("button", { name: "Create programme" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("quality score at least 100 in every reported period")).toBeVisible();
  const table = page.getByRole("region", { name: "Eligibility by distributor" });
  await expect(table.getByText(/^\d{4}-\d{2} quality \d{1,2} below 100$/).first()).toBeVisible();

  // The API states the rule with the programme.
  const programs = (await (await request.get("/api/v1/rebates")).json()).programs as { name: string; rules: { minQualityScore?: number } }[];
  expect(programs.find((p) => p.name === name)?.rules.minQualityScore).toBe(100);
});
