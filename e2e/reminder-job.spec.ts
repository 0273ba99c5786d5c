/**
 * The reminder job as an admin runs it from /admin/outbox ("Run reminder job now"; the same pass the
 * in-process scheduler and `npm run jobs` make): it says what it queued, and a second run queues
 * nothing new — a reminder is queued once however often the job runs. In the "mutating" project:
 * it queues reminders for every partner that is due one, which the compliance spec's counts must not see.
 *
 * Specs running alongside write to the outbox too (approval and password-reset e-mails, manual
 * reminders) and create distributors of their own that may fall due between the two runs, so every
 * assertion is about the job's own reminders: each is found by its partner, kind and period.
 */
import { test, expect, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./accounts";

interface Reminder {
  id: string;
  distributor: string | null;
  kind: string;
  period: string | null;
}

/** The kinds the job queues (a channel manager's "manual" reminder from the compliance board is not one). */
const JOB_KINDS = new Set(["before", "due_day", "overdue"]);

/** The job's reminders in the outbox (GET /api/v1/compliance/reminders lists reminders only, no other e-mail). */
async function jobReminders(request: APIRequestContext): Promise<Reminder[]> {
  const res = await request.get("/api/v1/compliance/reminders");
  expect(res.status()).toBe(200);
  return ((await res.json()).rows as Reminder[]).filter((r) => JOB_KINDS.has(r.kind));
}

/** "kind CODE YYYY-MM" — how the job's status line names a reminder, and how a row of the outbox is named here. */
const nameOf = (r: Reminder) => `${r.kind} ${r.distributor} ${r.period}`;
/** The reminders a status line says were queued ("3 reminder(s) queued: overdue NWC 2026-10, …; not sent …"). */
const queuedIn = (line: string) => /queued: (.+?);/.exec(line)?.[1]?.split(", ") ?? [];

test.use({ storageState: storageStateOf("admin") });

test("an admin runs the reminder job twice: the second run queues nothing new", async ({ page, request }) => {
  await page.goto("/admin/outbox");
  const run = page.getByRole("button", { name: "Run reminder job now" });
  const status = run.locator("xpath=following-sibling::span[@aria-live]");

  await run.click();
  await expect(status).toHaveText(/^(\d+ reminder\(s\) queued: .+|No new reminder \(\d+ due now already queued\)|No reminder due now); not sent: no SMTP configured/);
  const first = (await status.textContent()) ?? "";
  const queued = queuedIn(first);
  const afterFirst = await jobReminders(request);
  const known = new Set(afterFirst.map(nameOf));
  // Each reminder the first run names is in the outbox once.
  for (const q of queued) expect(afterFirst.filter((r) => nameOf(r) === q), q).toHaveLength(1);

  // What the first run queued is listed on the page, unsent: each on its own row (partner, kind, period).
  await page.reload();
  const table = page.getByRole("region", { name: "Outbox messages" });
  for (const q of queued) {
    const [kind, code, period] = q.split(" ");
    const row = table.locator(`tbody tr[data-distributor="${code}"][data-kind="${kind}"]`).filter({ has: page.locator("td", { hasText: new RegExp(`^${period}$`) }) });
    await expect(row, q).toHaveCount(1);
    await expect(row, q).toContainText("Not sent — no SMTP configured");
  }

  await run.click();
  await expect(status).toHaveText(/^(\d+ reminder\(s\) queued: .+|No new reminder \(\d+ due now already queued\)|No reminder due now); not sent/);
  // Nothing the first run left in the outbox is queued again. What the second run may queue is a
  // reminder that did not exist yet: a partner another spec created (with sell-in, nothing
  // submitted) between the two runs. Without such a partner the second run queues nothing.
  const again = queuedIn((await status.textContent()) ?? "");
  for (const q of again) expect(known.has(q), `${q}: queued by the first run already`).toBe(false);
  const afterSecond = await jobReminders(request);
  // Every reminder of the first run is still there, once; the only new ones are those the second run named.
  expect(afterSecond.filter((r) => afterFirst.some((f) => f.id === r.id)).length).toBe(afterFirst.length);
  expect(afterSecond.map(nameOf).filter((n) => !known.has(n)).sort()).toEqual([...again].sort());
  for (const n of known) expect(afterSecond.filter((r) => nameOf(r) === n), n).toHaveLength(1);
});
