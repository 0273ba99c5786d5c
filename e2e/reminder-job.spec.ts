/**
 * The reminder job as an admin runs it from /admin/outbox ("Run reminder job now"; the same pass the
 * in-process scheduler and `npm run jobs` make): it says what it queued, and a second run queues
 * nothing new — a reminder is queued once however often the job runs. In the "mutating" project:
 * it queues reminders for every partner that is due one, which the compliance spec's counts must not see.
 */
import { test, expect, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./accounts";

async function outboxTotal(request: APIRequestContext): Promise<number> {
  const res = await request.get("/api/v1/compliance/reminders");
  expect(res.status()).toBe(200);
  return (await res.json()).rows.length;
}

test.use({ storageState: storageStateOf("admin") });

test("an admin runs the reminder job twice: the second run queues nothing new", async ({ page, request }) => {
  await page.goto("/admin/outbox");
  const run = page.getByRole("button", { name: "Run reminder job now" });
  const status = run.locator("xpath=following-sibling::span[@aria-live]");

  await run.click();
  await expect(status).toHaveText(/^(\d+ reminder\(s\) queued: .+|No new reminder \(\d+ due now already queued\)|No reminder due now); not sent: no SMTP configured/);
  const first = (await status.textContent()) ?? "";
  const afterFirst = await outboxTotal(request);
  // What the first run queued is listed on the page, unsent.
  const queued = /queued: (.+?);/.exec(first)?.[1]?.split(", ") ?? [];
  await page.reload();
  for (const q of queued) {
    const [, code] = q.split(" ");
    await expect(page.getByRole("region", { name: "Outbox messages" }).locator(`tbody tr[data-distributor="${code}"]`).first()).toContainText("Not sent — no SMTP configured");
  }

  await run.click();
  await expect(status).toHaveText(/^(No new reminder \(\d+ due now already queued\)|No reminder due now); not sent/);
  expect(await outboxTotal(request)).toBe(afterFirst);
});
