import { test, expect, type APIRequestContext, type Browser } from "@playwright/test";
import { storageStateOf, type AccountName } from "./accounts";

/**
 * Reads write nothing (issue 11 item 2, issue 14 item 5): staff and a distributor go through the main
 * pages — the gap view and drill-down, exceptions of older periods, health, compliance, rebates, the
 * portal — and nothing they can see changes: the exceptions of older periods (listing them as staff
 * used to open the automatic ones), their gap rows and the period list. Older periods only, because
 * specs running alongside submit the open one. Every table's rows before and after a crawl of every
 * DAL read as each role is `lib/dal/reads-write-nothing.int.test.ts`.
 */
test.describe.configure({ mode: "serial" });

async function contextAs(browser: Browser, who: AccountName) {
  const context = await browser.newContext({ storageState: storageStateOf(who) });
  return { context, page: await context.newPage(), request: context.request };
}

type Period = { period: string; state: string };
type ExceptionRow = { id: string; period: string; sku: string; status: string; updatedAt: string };

async function fingerprint(manager: APIRequestContext, northwind: APIRequestContext, older: string[]) {
  const get = async (ctx: APIRequestContext, url: string) => {
    const res = await ctx.get(url);
    expect(res.status(), url).toBe(200);
    return res.json();
  };
  const mine = (await get(northwind, "/api/v1/exceptions?limit=1000")) as { rows: ExceptionRow[] };
  const gaps: unknown[] = [];
  for (const p of older) gaps.push(await get(manager, `/api/v1/gaps?period=${p}&distributor=NWC&limit=500`));
  return {
    periods: await get(manager, "/api/v1/periods"),
    exceptions: mine.rows.filter((r) => older.includes(r.period)).map((r) => `${r.id}:${r.period}:${r.sku}:${r.status}:${r.updatedAt}`).sort(),
    gaps,
  };
}

test("pages and GET routes as staff and as a distributor change nothing", async ({ browser }) => {
  test.setTimeout(240_000);
  const manager = await contextAs(browser, "manager");
  const admin = await contextAs(browser, "admin");
  const northwind = await contextAs(browser, "northwind");
  const periods = ((await (await manager.request.get("/api/v1/periods")).json()) as Period[]).filter((p) => p.state !== "future").map((p) => p.period);
  // Three periods before the latest ended one: the demo opened automatic exceptions for the latest only.
  const older = periods.slice(2, 5);
  expect(older).toHaveLength(3);
  const before = await fingerprint(manager.request, northwind.request, older);

  const visit = async (who: typeof manager, path: string) => {
    const res = await who.page.goto(path);
    expect(res?.status(), path).toBe(200);
  };
  for (const p of older) {
    await visit(manager, `/exceptions?period=${p}&status=active`);
    await visit(manager, `/exceptions?period=${p}&distributor=NWC`);
    await visit(manager, `/gaps?period=${p}`);
    await visit(manager, `/gaps/NWC/MCU-1000?period=${p}`);
    await visit(manager, `/health?period=${p}`);
    expect((await manager.request.get(`/api/v1/exceptions?period=${p}&limit=1000`)).status()).toBe(200);
    expect((await manager.request.get(`/api/v1/gaps?period=${p}&format=csv`)).status()).toBe(200);
  }
  for (const path of ["/gaps", "/exceptions", "/health", "/compliance", "/rebates"]) await visit(manager, path);
  for (const path of ["/admin", "/exceptions", "/gaps"]) await visit(admin, path);
  for (const path of ["/submit", "/history", "/my-exceptions", `/history/${older[0]}`]) await visit(northwind, path);
  expect((await northwind.request.get(`/api/v1/submissions/${older[0]}`)).status()).toBe(200);

  expect(await fingerprint(manager.request, northwind.request, older)).toEqual(before);
  for (const c of [manager, admin, northwind]) await c.context.close();
});
