import { test, expect, request as pwRequest } from "@playwright/test";
import { DEMO_PASSWORD, storageStateOf } from "./accounts";
import { baseURL } from "./env";

interface Program {
  id: string;
  name: string;
  fromPeriod: string;
  toPeriod: string;
}

/** A distributor's API session, signed in through the credentials provider like a script would. */
async function signedIn(email: string) {
  const ctx = await pwRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD } });
  return ctx;
}

test.describe("rebate eligibility", () => {
  test.use({ storageState: storageStateOf("rebates") });

  test("the analyst sees reasons, freezes a result, a later resubmission changes nothing in it, and exports", async ({ page, request }) => {
    const list = await request.get("/api/v1/rebates");
    expect(list.status()).toBe(200);
    const { programs } = (await list.json()) as { programs: Program[] };
    // The demo's previous quarter: every period is due, so results can be frozen.
    const previous = [...programs].filter((p) => p.name.startsWith("Reporting rebate")).sort((a, b) => a.toPeriod.localeCompare(b.toPeriod))[0]!;

    await page.goto("/rebates");
    await page.getByRole("link", { name: previous.name }).click();
    await expect(page.getByRole("heading", { name: previous.name })).toBeVisible();
    const table = page.getByRole("region", { name: "Eligibility by distributor" });

    // The late partner is ineligible with a reason naming the period and the days late.
    const ces = table.locator('tr[data-distributor="CES"]');
    await expect(ces.getByText("Not eligible")).toBeVisible();
    await expect(ces.getByRole("list", { name: "Reasons for CES" }).getByText(/^\d{4}-\d{2} submitted \d+ days? late$/).first()).toBeVisible();
    // The incomplete one names the period and the figures.
    await expect(table.locator('tr[data-distributor="BSE"]').getByText(/^\d{4}-\d{2} completeness [\d.]+ % below 95 %/).first()).toBeVisible();

    // Freeze MPD (eligible) for payout.
    const mpd = table.locator('tr[data-distributor="MPD"]');
    await expect(mpd.getByText("Eligible", { exact: true })).toBeVisible();
    if (await mpd.getByRole("button", { name: "Freeze MPD" }).isVisible()) {
      page.once("dialog", (d) => d.accept());
      await mpd.getByRole("button", { name: "Freeze MPD" }).click();
      await expect(page.getByText(/Frozen for payout: MPD/)).toBeVisible();
    }
    await expect(mpd.getByText("Frozen", { exact: true })).toBeVisible();
    await expect(mpd).toContainText("by rebates@halcyon.test");
    const frozenAmount = (await mpd.getByTestId("amount-MPD").textContent())!.trim();

    const api = async () => {
      const res = await request.get(`/api/v1/rebates/${previous.id}/eligibility`);
      expect(res.status()).toBe(200);
      return ((await res.json()).rows as { distributor: string; eligible: boolean; amount: string; reasons: string[]; frozen: boolean; changedSinceFrozen: boolean }[]).find((r) => r.distributor === "MPD")!;
    };
    const frozen = await api();
    expect(frozen).toMatchObject({ eligible: true, frozen: true, reasons: [] });

    // Later, MPD resubmits the programme's first period through the REST API with one count changed.
    const mpdApi = await signedIn("ops@meridian.test");
    const current = await (await mpdApi.get(`/api/v1/submissions/${previous.fromPeriod}`)).json();
    expect(current.revision).toBeGreaterThanOrEqual(1);
    const lines = current.lines.map((l: { sku: string; sold: number; returned: number; onHand: number }, i: number) => ({
      sku: l.sku, sold: l.sold, returned: l.returned, onHand: i === 0 ? l.onHand + 7 : l.onHand,
    }));
    const post = await mpdApi.post(`/api/v1/submissions/${previous.fromPeriod}`, {
      headers: { "Idempotency-Key": `e2e-rebate-${Date.now()}` },
      data: { baseRevision: current.revision, lines },
    });
    expect(post.status(), await post.text()).toBe(201);
    // A distributor may read eligibility, and gets only its own row.
    const own = await (await mpdApi.get(`/api/v1/rebates/${previous.id}/eligibility`)).json();
    expect(own.rows.map((r: { distributor: string }) => r.distributor)).toEqual(["MPD"]);
    await mpdApi.dispose();

    // The frozen result is unchanged, and flagged.
    const after = await api();
    expect(after).toMatchObject({ eligible: frozen.eligible, amount: frozen.amount, reasons: frozen.reasons, frozen: true, changedSinceFrozen: true });
    await page.reload();
    await expect(mpd.getByText("Changed since frozen")).toBeVisible();
    await expect(mpd.getByTestId("amount-MPD")).toHaveText(frozenAmount);

    // Export.
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const download = await downloadPromise;
    const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header).toBe("programme,from,to,distributor,name,eligible,amount,reasons,timeliness,completeness,accuracy,sell_through_value,frozen,frozen_at,frozen_by,changed_since_frozen");
    const mpdRow = rows.find((r) => r.includes(",MPD,"))!;
    expect(mpdRow).toContain(`,${frozen.amount},`);
    expect(mpdRow).toMatch(/,yes,\d{4}-\d{2}-\d{2}T[^,]+,rebates@halcyon\.test,yes$/);
    expect(rows.find((r) => r.includes(",CES,"))).toMatch(/submitted \d+ days? late/);
  });

  test("a channel manager reads eligibility but cannot freeze or edit", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageStateOf("manager") });
    const page = await ctx.newPage();
    await page.goto("/rebates");
    await expect(page.getByRole("heading", { name: "Reporting rebates" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New programme" })).toHaveCount(0);
    const programs = (await (await ctx.request.get("/api/v1/rebates")).json()).programs as Program[];
    const res = await ctx.request.post(`/api/v1/rebates/${programs[0]!.id}/freeze`, { data: {} });
    expect(res.status()).toBe(403);
    await ctx.close();
  });
});
