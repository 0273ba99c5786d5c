/**
 * Every screen, in the light and the dark theme (the system setting, emulated with `colorScheme`):
 * axe finds no serious or critical WCAG 2.1 A/AA violation (the rules and tags the other specs use;
 * in dark, the rules that read colours: the theme changes nothing else).
 * The routes are read from the app folder, so a new page is walked as soon as it exists; a dynamic
 * segment needs a sample value below (the spec fails and names it when one is missing).
 *
 * On the same load, the screens that show numbers and dates are read for their format (issue 16
 * item 4): they are opened by users of the spec's own whose profile says de-DE and Europe/Berlin —
 * staff and distributor — and must show German numbers and dates, and no English month, grouping or
 * AM/PM (GERMAN below). The users are created through the admin API and choose the locale on /profile
 * as a user would, once per worker; the demo accounts other specs read keep their English formats,
 * and open every other screen as before. An en-US user still sees "1,234" (last test).
 *
 * Every screen is also photographed — light and dark at 1440×900, and light at phone width
 * (390×844) — into test-results/screens/ (git-ignored; SCREENS_DIR moves it), to be looked at.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { test as base, expect, request as pwRequest, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { storageStateOf, type AccountName } from "./accounts";
import { baseURL } from "./env";
import { asAdmin, NEW_USER_PASSWORD } from "./new-user";

type Who = "staff" | "distributor" | "anonymous";
/** Which accounts open the pages of each route group; a group not listed here is opened by both. */
const GROUPS: Record<string, Who[]> = { "(manufacturer)": ["staff"], "(portal)": ["distributor"], "(auth)": ["anonymous"] };
interface Route {
  path: string;
  who: Who;
  /** Opened for its German formats only (a list the walk does not otherwise open): no axe, no photograph. */
  formatsOnly?: boolean;
}

const APP = path.resolve(__dirname, "../app");
const SCREENS = path.resolve(process.env.SCREENS_DIR || path.join(__dirname, "../test-results/screens"));
/** Photographs are for people to look at: taken locally or when SCREENS_DIR asks, not in CI (axe runs everywhere). */
const PHOTOGRAPH = !process.env.CI || !!process.env.SCREENS_DIR;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/**
 * axe-core as @axe-core/playwright ships it (the other specs' AxeBuilder). It is put into each page
 * once and run there for light and then dark: AxeBuilder would inject it again for every run and
 * finish each run in a new blank page, which cost most of this walk's time.
 */
const AXE_SOURCE: string = createRequire(require.resolve("@axe-core/playwright"))("axe-core").source;

// ---------------------------------------------------------------------------------------------
// German formats (issue 16 item 4)

const GERMAN_MONTH = "(?:Jan\\.|Feb\\.|März|Apr\\.|Mai|Juni|Juli|Aug\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.)";
/** "3. Dez. 2026", "Dez. 2026", "03.12.2026" is not used. */
const GERMAN_DATE = new RegExp(`\\b\\d{1,2}\\. ${GERMAN_MONTH} \\d{4}\\b`);
const GERMAN_PERIOD = new RegExp(`${GERMAN_MONTH} \\d{4}\\b`);
/** "1.234" — grouping with a dot. */
const GERMAN_THOUSANDS = /\b\d{1,3}(?:\.\d{3})+(?![\d.])/;
/** "20,0" — a decimal comma. */
const GERMAN_DECIMAL = /\b\d+,\d(?!\d{2})/;
/** "Nov 2026", "Dec 3" (a German abbreviation has a dot, and March, June, July, September differ). */
const ENGLISH_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?!\.)/;
/** "1,234" or "12,345.6": English grouping. German decimals have one or two digits after the comma here. */
const ENGLISH_THOUSANDS = /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/;
const ENGLISH_TIME = /\d{1,2}:\d{2}(?::\d{2})? ?[AP]M\b/;

interface German {
  date?: boolean;
  period?: boolean;
  thousands?: boolean;
  decimal?: boolean;
  /** Shown once the screen has rendered its data (charts and grids render after hydration). */
  ready?: string;
  /** More of the screen, checked on the same load (the issue's own examples), with a screenshot. */
  more?: (page: Page) => Promise<void>;
}

/**
 * The screens a de-DE user must see in German, by route (a dynamic route at the walk's sample: the
 * first exception, the first programme, Northwind's revision 1 of the latest period it reported);
 * the other screens show no number or date of their own. Opened by the de-DE admin (staff routes)
 * or the de-DE Northwind user (portal routes) instead of the demo account.
 */
const GERMAN: Record<string, German> = {
  "/gaps": { period: true, thousands: true, decimal: true, ready: "[data-testid=gap-grid], table" },
  "/gaps/[distributor]/[sku]": {
    period: true,
    thousands: true,
    decimal: true,
    // The example, exactly: a thousands figure with a dot on the drill-down.
    more: async (page) => {
      await expect(page.locator("main")).toContainText(/\d\.\d{3}/);
      await page.screenshot({ path: test.info().outputPath("drill-down-de.png"), fullPage: true });
    },
  },
  "/exceptions?status=": { period: true },
  "/exceptions/[id]": { period: true, date: true },
  "/compliance": { period: true, decimal: true },
  "/health": { period: true, thousands: true, decimal: true },
  "/rebates": { period: true },
  "/rebates/[programId]": {
    period: true,
    decimal: true,
    // Money in the programme's currency (USD unless set), written the German way: "1.234,56 $".
    more: async (page) => {
      await expect(page.getByTestId("rebate-total")).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\s\$$/);
      await page.screenshot({ path: test.info().outputPath("programme-de.png"), fullPage: true });
    },
  },
  "/admin": { thousands: true },
  "/admin/sell-in": { thousands: true },
  "/admin/products": { decimal: true },
  "/admin/distributors": { date: true },
  "/admin/users": { date: true },
  "/admin/outbox": {},
  "/admin/audit": { date: true },
  "/admin/settings": {},
  "/submit": {
    period: true,
    date: true,
    thousands: true,
    ready: "[data-testid=submission-grid][data-ready='1']",
    // The grid shows German grouping in its totals.
    more: async (page) => {
      const grid = page.getByTestId("submission-grid");
      await expect(grid).toHaveAttribute("data-ready", "1");
      await expect(page.getByRole("group", { name: "Totals" }).or(grid.locator("tfoot")).first()).toContainText(/\d\.\d{3}/);
      await page.screenshot({ path: test.info().outputPath("submit-de.png") });
    },
  },
  "/history": { period: true, date: true },
  "/history/[period]/[revision]": { period: true, date: true, thousands: true },
  "/standing": { period: true, date: true },
  "/my-exceptions": { period: true },
  "/claims": { period: true, date: true, decimal: true },
  "/claims/[id]": { period: true, date: true, decimal: true },
  "/authorizations": { date: true, decimal: true },
};

/** The page's visible text once it has settled; e-mails in the outbox are shown as written for their recipient (data-mail-content), not in the reader's format. */
async function mainText(page: Page, ready?: string): Promise<string> {
  await expect(page.locator("main").first()).toBeVisible();
  if (ready) await expect(page.locator(ready).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  return page.locator("main").first().evaluate((main) => {
    const hidden = [...main.querySelectorAll<HTMLElement>("[data-mail-content]")];
    hidden.forEach((e) => (e.style.display = "none"));
    const text = (main as HTMLElement).innerText;
    hidden.forEach((e) => (e.style.display = ""));
    return text;
  });
}

/** German where the screen shows it; no English month, thousands or AM/PM anywhere on it (soft: the walk goes on). */
function checkGerman(path: string, text: string, want: German): void {
  const english = text.match(ENGLISH_MONTH) ?? text.match(ENGLISH_THOUSANDS) ?? text.match(ENGLISH_TIME);
  expect.soft(english?.[0] ?? null, `${path}: English format in "${english ? text.slice(Math.max(0, english.index! - 60), english.index! + 60) : ""}"`).toBeNull();
  if (want.date) expect.soft(text, `${path}: a German date`).toMatch(GERMAN_DATE);
  if (want.period) expect.soft(text, `${path}: a German period`).toMatch(GERMAN_PERIOD);
  if (want.thousands) expect.soft(text, `${path}: "1.234" grouping`).toMatch(GERMAN_THOUSANDS);
  if (want.decimal) expect.soft(text, `${path}: a decimal comma`).toMatch(GERMAN_DECIMAL);
}

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** The browser itself speaks English and runs on UTC: only the profile makes the pages German. */
const ENGLISH_BROWSER = { locale: "en-US", timezoneId: "UTC" };

async function createUser(label: string, role: string, distributorCode?: string): Promise<string> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@halcyon.test`;
  await asAdmin(async (admin) => {
    const res = await admin.post("/api/v1/admin/users", { data: { email, name: label, role, password: NEW_USER_PASSWORD, ...(distributorCode ? { distributorCode } : {}) } });
    expect(res.status(), await res.text()).toBe(201);
  });
  return email;
}

/** A user of the spec's own (staff: an admin; distributor: Northwind's) signs in and chooses de-DE and Europe/Berlin on /profile, as the user would. */
async function germanUser(browser: Browser, who: "staff" | "distributor"): Promise<Session> {
  const email = who === "staff" ? await createUser("de-staff", "admin") : await createUser("de-partner", "distributor", "NWC");
  const context = await browser.newContext(ENGLISH_BROWSER);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(NEW_USER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in is a scrypt check and the landing page a full render: on a loaded machine that takes more than the default 10 s.
  await expect(page).toHaveURL(who === "staff" ? /\/gaps$/ : /\/submit$/, { timeout: 30_000 });
  await page.goto("/profile");
  const form = page.getByRole("form", { name: "Profile" });
  await form.getByLabel("Language and number format").selectOption("de-DE");
  await form.getByLabel("Time zone").selectOption("Europe/Berlin");
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("profile-message")).toBeVisible();
  const session = await context.storageState();
  await context.close();
  return session;
}

/** The de-DE users, made once per worker when a test first needs one. */
const test = base.extend<object, { germanSession: (who: "staff" | "distributor") => Promise<Session> }>({
  germanSession: [
    async ({ browser }, use) => {
      const made = new Map<string, Promise<Session>>();
      await use((who) => {
        if (!made.has(who)) {
          // A failure fails the test that asked; the next test of the worker tries again.
          const making = test.step(`a de-DE ${who} user of this worker chooses German on /profile`, () => germanUser(browser, who));
          made.set(who, making.catch((e) => (made.delete(who), Promise.reject(e))));
        }
        return made.get(who)!;
      });
    },
    { scope: "worker" },
  ],
});

// ---------------------------------------------------------------------------------------------
// The walk

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
async function readSampleParams(): Promise<Record<string, string>> {
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
    // The demo seeds ship & debit claims (lib/seed/seed-claims.ts): the staff queue links each.
    const claimId = /\/claims\/([0-9a-f-]{36})/.exec(await (await staff.get("/claims")).text())?.[1];
    expect(claimId, "a ship & debit claim in the demo").toBeTruthy();
    // Northwind's own claims (the staff queue's first is usually another distributor's).
    const myClaimId = /\/my-claims\/([0-9a-f-]{36})/.exec(await (await dist.get("/my-claims")).text())?.[1];
    expect(myClaimId, "a Northwind claim in the demo").toBeTruthy();
    return {
      distributor: "NWC",
      sku: "MCU-1000",
      period,
      revision: "1",
      "exceptions/[id]": exceptionId!,
      ...(outboxId ? { "outbox/[id]": outboxId } : {}),
      programId: program!,
      "claims/[id]": claimId!,
      "my-claims/[id]": myClaimId!,
    };
  } finally {
    await staff.dispose();
    await dist.dispose();
  }
}

/** Read once per worker (the samples are rows every spec leaves in place); an optional one missing then is read again. */
let samples: Promise<Record<string, string>> | undefined;
async function sampleParams(): Promise<Record<string, string>> {
  const params = await (samples ??= readSampleParams().catch((e) => {
    samples = undefined;
    throw e;
  }));
  if ([...OPTIONAL].some((k) => !(k in params))) samples = undefined;
  return params;
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

/**
 * The rules whose answer depends on the colours. The dark theme changes colours only (the same DOM,
 * names, roles and structure), so the dark pass runs these and the light pass runs every rule.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** axe on the page as it is now (put into the page first by `injectAxe`): the serious and critical violations. */
async function seriousViolations(page: Page, coloursOnly: boolean): Promise<string[]> {
  const runOnly = coloursOnly ? { type: "rule", values: COLOUR_RULES } : { type: "tag", values: AXE_TAGS };
  const results = await page.evaluate((only) => (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: only }), runOnly);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

const injectAxe = (page: Page) => page.evaluate(AXE_SOURCE);

/**
 * Waits for the colour transitions the theme switch starts (links and buttons fade their colours):
 * axe measures contrast on the colours of the moment, and half-way they are neither theme's.
 */
async function transitionsDone(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
}

const ROUTES = appRoutes();
const EXTRA: Route[] = [
  // The unknown-URL page, signed in (inside the app shell) and signed out.
  { path: "/no-such-page", who: "staff" },
  { path: "/no-such-page", who: "distributor" },
  { path: "/no-such-page", who: "anonymous" },
  // Every exception, whatever its status (the list opens on the active ones).
  { path: "/exceptions?status=", who: "staff", formatsOnly: true },
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

test("the app folder has pages for every kind of visitor, and every screen read for its German formats is walked", () => {
  for (const who of ["staff", "distributor", "anonymous"] as const) expect(BATCHES.some((b) => b.who === who), who).toBe(true);
  // A route moved or renamed must not take its format checks with it unnoticed.
  const walked = new Set(BATCHES.flatMap((b) => b.routes.map((r) => r.path)));
  expect(Object.keys(GERMAN).filter((route) => !walked.has(route))).toEqual([]);
});

for (const { who, routes } of BATCHES) {
  const german = routes.some((r) => GERMAN[r.path]);
  test(`${who} screens ${routes.map((r) => r.path).join(", ")}: clean in axe in light and dark${german ? ", German for a de-DE user" : ""}, and photographed`, async ({ browser, germanSession }) => {
    test.setTimeout(300_000);
    const params = await sampleParams();
    fs.mkdirSync(SCREENS, { recursive: true });
    const storageState = who === "anonymous" ? undefined : storageStateOf(ACCOUNT[who]);
    const findings: string[] = [];

    const urls = routes.flatMap((r) => {
      const url = fill(r.path, params);
      if (url === null) test.info().annotations.push({ type: "skipped route", description: `${r.path}: no sample in the demo right now` });
      return url === null ? [] : [{ url, notFound: r.path === "/no-such-page", german: GERMAN[r.path], axe: !r.formatsOnly }];
    });

    // One load per page: the German formats (a de-DE user's screens), axe in light, then the same page
    // switched to dark (prefers-color-scheme is emulated, so the theme follows without a reload) and
    // checked again.
    const viewport = { width: 1440, height: 900 };
    const pages = new Map<string, Page>();
    const contexts: BrowserContext[] = [];
    const pageFor = async (isGerman: boolean): Promise<Page> => {
      const key = isGerman ? "de" : "demo";
      if (!pages.has(key)) {
        const context = isGerman
          ? await browser.newContext({ storageState: await germanSession(who as "staff" | "distributor"), colorScheme: "light", viewport, ...ENGLISH_BROWSER })
          : await browser.newContext({ storageState, colorScheme: "light", viewport });
        contexts.push(context);
        pages.set(key, await context.newPage());
      }
      return pages.get(key)!;
    };
    for (const { url, notFound, german: want, axe } of urls) {
      const page = await pageFor(!!want);
      await test.step(`${url}: load`, async () => {
        await page.emulateMedia({ colorScheme: "light" });
        const res = await page.goto(url);
        if (axe) {
          const expectStatus = notFound ? 404 : 200;
          if (res?.status() !== expectStatus) findings.push(`${url}: HTTP ${res?.status()} (expected ${expectStatus})`);
        } else {
          expect.soft(res?.status(), url).toBeLessThan(400);
        }
        await settle(page);
        if (await page.getByRole("heading", { name: "Something went wrong" }).count()) findings.push(`${url}: the error page`);
      });
      if (want) {
        await test.step(`${url}: German formats`, async () => {
          checkGerman(url, await mainText(page, want.ready), want);
          if (want.more) await want.more(page);
        });
      }
      if (!axe) continue;
      await injectAxe(page);
      for (const scheme of ["light", "dark"] as const) {
        await test.step(`${url}: axe in ${scheme}`, async () => {
          if (scheme === "dark") {
            await page.emulateMedia({ colorScheme: "dark" });
            await page.waitForTimeout(100);
          }
          await transitionsDone(page);
          // The theme really is the one asked for: the page background follows it.
          const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
          expect(dark, `${url} in ${scheme}`).toBe(scheme === "dark");
          for (const v of await seriousViolations(page, scheme === "dark")) findings.push(`${scheme} ${url}: ${v}`);
          if (PHOTOGRAPH) await page.screenshot({ path: path.join(SCREENS, `${scheme}-${who}-${slug(url)}.png`), fullPage: true });
        });
      }
    }
    for (const context of contexts) await context.close();

    // Phone width: light, photographed (the menu and the sticky submit bar are checked in e2e/finish.spec.ts).
    if (!PHOTOGRAPH) {
      expect(findings).toEqual([]);
      return;
    }
    const phone = await browser.newContext({ storageState, colorScheme: "light", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    for (const { url, axe } of urls) {
      if (!axe) continue;
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

test.describe("without a locale of one's own", () => {
  // The demo channel manager has chosen no locale on /profile: the formats of the English browser.
  test.use({ storageState: storageStateOf("manager"), ...ENGLISH_BROWSER });

  test("an en-US user still sees 1,234 and English dates", async ({ page }) => {
    const textOf = async (url: string) => {
      expect((await page.goto(url))?.status(), url).toBeLessThan(400);
      return mainText(page);
    };
    const gaps = await textOf("/gaps");
    expect(gaps).toMatch(ENGLISH_THOUSANDS);
    expect(gaps).toMatch(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/);
    expect(gaps).not.toMatch(GERMAN_PERIOD);
    const detail = await textOf("/gaps/NWC/MCU-1000");
    expect(detail).toMatch(/\b\d{1,3}(,\d{3})+\b/);
    expect(detail).toMatch(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/);
  });
});
