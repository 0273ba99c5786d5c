import { test, expect } from "@playwright/test";
import { storageStateOf } from "./accounts";

/**
 * Issue 14: the distributor's "confirm as reported" reaches the manufacturer in the exception. The
 * demo confirms some out-of-tolerance rows of the last ended month with a reason (lib/seed/score-demo.ts)
 * and leaves others unconfirmed; the exception page shows the row as reported: its flags, and the
 * reason or that the distributor did not confirm it.
 */
test.use({ storageState: storageStateOf("manager") });

test("an exception shows the reported row's flags and the distributor's reason", async ({ page, request }) => {
  const periods: { period: string; state: string }[] = await (await request.get("/api/v1/periods")).json();
  const last = periods.filter((p) => p.state !== "future").map((p) => p.period).sort().at(-1)!;
  const list = (await (await request.get(`/api/v1/exceptions?status=open&period=${last}`)).json()) as { rows: { id: string }[] };
  const details = await Promise.all(list.rows.slice(0, 60).map(async (r) => (await request.get(`/api/v1/exceptions/${r.id}`)).json()));
  type Detail = { id: string; reportedLine: { flags: { kind: string }[]; confirm: { reason: string } | null } | null };
  const confirmed = (details as Detail[]).find((d) => d.reportedLine?.confirm);
  const unconfirmed = (details as Detail[]).find((d) => d.reportedLine && !d.reportedLine.confirm && d.reportedLine.flags.length);
  expect(confirmed, "the demo has a confirmed out-of-tolerance row with an open exception").toBeTruthy();

  await page.goto(`/exceptions/${confirmed!.id}`);
  const note = page.getByTestId("reported-line");
  await expect(note).toContainText("Differs from our calculation");
  await expect(note.getByTestId("reported-confirm")).toContainText(/confirmed as reported — (Physical count|In transit|Consignment|Damaged|Other)/);

  if (unconfirmed) {
    await page.goto(`/exceptions/${unconfirmed.id}`);
    await expect(page.getByTestId("reported-line")).toContainText("not confirmed by the distributor");
  }
});
