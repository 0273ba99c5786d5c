/**
 * Every screen, in the light and the dark theme (the system setting, emulated with `colorScheme`):
 * axe finds no serious or critical WCAG 2.1 A/AA violation (the rules and tags the other specs use).
 * The routes are read from the app folder, so a new page is walked as soon as it exists; a dynamic
 * segment needs a sample value below (the spec fails and names it when one is missing).
 *
 * Every screen is also photographed — light and dark at 1440×900, and light at phone width
 * (390×844) — into test-results/screens/ (git-ignored; SCREENS_DIR moves it), to be looked at.
 */
import fs from "node:fs";
import path from "node:path";
import { test, expect, request as pwRequest, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { storageStateOf, type AccountName } from "./accounts";
import { baseURL } from "./env";

type Who = "staff" | "distributor" | "anonymous";
/** Which accounts open the pages of each route group; a group not listed here is opened by both. */
const GROUPS: Record<string, Who[]> = { "(manufacturer)": ["staff"], "(portal)": ["distributor"], "(auth)": ["anonymous"] };
interface Route {
  path: string;
  who: Who;
}

const APP = path.resolve(__dirname, "../app");
const SCREENS = path.resolve(process.env.SCREENS_DIR || path.join(__dirname, "../test-results/screens"));
/** Photographs are for people to look at: taken locally or when SCREENS_DIR asks, not in CI (axe runs everywhere). */
const PHOTOGRAPH = !process.env.CI || !!process.env.SCREENS_DIR;

/** Every page.tsx under app/, as its URL pattern ("(group)" folders dropped) and who may open it. */
function appRoutes(): Route[] {
  const out: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name === "api" || entry.name.startsWith("_")) continue;
        walk(path.join(dir, entry.name), [...segments, entry.name]);
      } else if (entry.name === "page.tsx") {
        const group = segments.find((s) => /^\(.+\)$/.test(s));
        const urlPath = "/" + segments.filter((s) => !/^\(.+\)$/.test(s)).join("/");
        if (urlPath === "/") continue; // the front door only redirects
        for (const who of GROUPS[group ?? ""] ?? (["staff", "distributor"] as Who[])) out.push({ path: urlPath, who });
      }
    }
  };
  walk(APP, []);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const ACCOUNT: Record<Exclude<Who, "anonymous">, AccountName> = { staff: "admin", distributor: "northwind" };

/** Sample values for the dynamic segments, read from the running app (the demo data). */
async function sampleParams(): Promise<Record<string, string>> {
  const staff = await pwRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const dist = await pwRequest.newContext({ baseURL, storageState: storageStateOf("northwind") });
  try {
    const periods: { period: string; state: string }[] = await (await dist.get("/api/v1/periods")).json();
    const ended = periods.filter((p) => p.state !== "future").map((p) => p.period);
    let period = ended[0]!;
    for (const p of ended) {
      const revs: { revision: number }[] = await (await dist.get(`/api/v1/submissions/${p}/revisions`)).json();
      if (revs.length) {
        period = p;
        break;
      }
    }
    const exceptionId = /\/exceptions\/([0-9a-f-]{36})/.exec(await (await staff.get("/exceptions")).text())?.[1];
    // An outbox message exists once a reminder was queued (by another spec, or the job): optional.
    const outboxId = /\/admin\/outbox\/([0-9a-f-]{36})/.exec(await (await staff.get("/admin/outbox")).text())?.[1];
    const programId = /href="\/rebates\/([^"/?]+)"/g;
    const rebates = await (await staff.get("/rebates")).text();
    const program = [...rebates.matchAll(programId)].map((m) => m[1]!).find((id) => id !== "new");
    expect(exceptionId, "an exception in the demo").toBeTruthy();
    expect(program, "a rebate programme in the demo").toBeTruthy();
    return {
      distributor: "NWC",
      sku: "MCU-1000",
      period,
      revision: "1",
      "exceptions/[id]": exceptionId!,
      ...(outboxId ? { "outbox/[id]": outboxId } : {}),
      programId: program!,
    };
  } finally {
    await staff.dispose();
    await dist.dispose();
  }
}

/** Routes whose sample may be missing from the demo at this moment (then they are skipped, and said so). */
const OPTIONAL = new Set(["outbox/[id]"]);

/** The pattern with sample values ("[name]", or "parent/[name]" when the name alone is ambiguous), or null to skip. */
function fill(pattern: string, params: Record<string, string>): string | null {
  const parts = pattern.split("/");
  const out: string[] = [];
  for (const [i, seg] of parts.entries()) {
    const m = /^\[(.+)\]$/.exec(seg);
    if (!m) {
      out.push(seg);
      continue;
    }
    const key = `${parts[i - 1]}/${seg}`;
    const v = params[key] ?? params[m[1]!];
    if (v === undefined && OPTIONAL.has(key)) return null;
    if (v === undefined) throw new Error(`No sample value for ${seg} in ${pattern}: add one to sampleParams() in e2e/theme-axe.spec.ts`);
    out.push(encodeURIComponent(v));
  }
  return out.join("/");
}

const slug = (p: string) => p.replace(/^\//, "").replace(/[^a-zA-Z0-9]+/g, "-") || "root";

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // Streamed sections replace their skeletons; charts measure their container after mount.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(150);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

const ROUTES = appRoutes();
// The unknown-URL page, signed in (inside the app shell) and signed out.
const EXTRA: Route[] = [
  { path: "/no-such-page", who: "staff" },
  { path: "/no-such-page", who: "distributor" },
  { path: "/no-such-page", who: "anonymous" },
];

test.describe.configure({ mode: "parallel" });

/** The routes in tests of at most CHUNK pages each, so they run side by side and each stays within its time. */
const CHUNK = 6;
const BATCHES = (["staff", "distributor", "anonymous"] as const).flatMap((who) => {
  const routes = [...ROUTES, ...EXTRA].filter((r) => r.who === who);
  const batches: { who: Who; routes: Route[] }[] = [];
  for (let i = 0; i < routes.length; i += CHUNK) batches.push({ who, routes: routes.slice(i, i + CHUNK) });
  return batches;
});

test("the app folder has pages for every kind of visitor", () => {
  for (const who of ["staff", "distributor", "anonymous"] as const) expect(BATCHES.some((b) => b.who === who), who).toBe(true);
});

for (const { who, routes } of BATCHES) {
  test(`${who} screens ${routes.map((r) => r.path).join(", ")}: clean in axe in light and dark, and photographed`, async ({ browser }) => {
    test.setTimeout(300_000);
    const params = await sampleParams();
    fs.mkdirSync(SCREENS, { recursive: true });
    const storageState = who === "anonymous" ? undefined : storageStateOf(ACCOUNT[who]);
    const findings: string[] = [];

    const urls = routes.flatMap((r) => {
      const url = fill(r.path, params);
      if (url === null) test.info().annotations.push({ type: "skipped route", description: `${r.path}: no sample in the demo right now` });
      return url === null ? [] : [{ url, notFound: r.path === "/no-such-page" }];
    });

    // One load per page: axe in light, then the same page switched to dark (prefers-color-scheme is
    // emulated, so the theme follows without a reload) and checked again.
    const context = await browser.newContext({ storageState, colorScheme: "light", viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    for (const { url, notFound } of urls) {
      await page.emulateMedia({ colorScheme: "light" });
      const res = await page.goto(url);
      const expectStatus = notFound ? 404 : 200;
      if (res?.status() !== expectStatus) findings.push(`${url}: HTTP ${res?.status()} (expected ${expectStatus})`);
      await settle(page);
      if (await page.getByRole("heading", { name: "Something went wrong" }).count()) findings.push(`${url}: the error page`);
      for (const scheme of ["light", "dark"] as const) {
        if (scheme === "dark") {
          await page.emulateMedia({ colorScheme: "dark" });
          await page.waitForTimeout(100);
        }
        // The theme really is the one asked for: the page background follows it.
        const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
        expect(dark, `${url} in ${scheme}`).toBe(scheme === "dark");
        for (const v of await seriousViolations(page)) findings.push(`${scheme} ${url}: ${v}`);
        if (PHOTOGRAPH) await page.screenshot({ path: path.join(SCREENS, `${scheme}-${who}-${slug(url)}.png`), fullPage: true });
      }
    }
    await context.close();

    // Phone width: light, photographed (the menu and the sticky submit bar are checked in e2e/finish.spec.ts).
    if (!PHOTOGRAPH) {
      expect(findings).toEqual([]);
      return;
    }
    const phone = await browser.newContext({ storageState, colorScheme: "light", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    for (const { url } of urls) {
      await small.goto(url);
      await settle(small);
      await small.screenshot({ path: path.join(SCREENS, `phone-${who}-${slug(url)}.png`), fullPage: true });
    }
    await phone.close();

    expect(findings).toEqual([]);
  });
}

test("dark mode follows the system setting: dark surfaces, light text, readable primary buttons", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("northwind"), colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/history");
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number) as [number, number, number];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  const colours = await page.evaluate(() => {
    const css = (el: Element | null, prop: "color" | "backgroundColor") => (el ? getComputedStyle(el)[prop] : "");
    // Computed colours come back as oklch(); a 1×1 canvas turns them into rgb.
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgb = (c: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return `rgb(${r}, ${g}, ${b})`;
    };
    const heading = document.querySelector("h1");
    const header = document.querySelector("header");
    return {
      scheme: getComputedStyle(document.documentElement).colorScheme,
      body: rgb(css(document.body, "backgroundColor")),
      header: rgb(css(header, "backgroundColor")),
      heading: rgb(css(heading, "color")),
    };
  });
  expect(colours.scheme).toContain("dark");
  expect(luminance(colours.body)).toBeLessThan(0.15);
  expect(luminance(colours.header)).toBeLessThan(0.2);
  expect(luminance(colours.heading)).toBeGreaterThan(0.85);
  await context.close();
});
