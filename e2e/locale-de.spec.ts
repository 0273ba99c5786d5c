/**
 * Issue 16 item 4: a user whose profile says de-DE and Europe/Berlin sees German numbers and dates on
 * every screen that shows them — staff and distributor — and an en-US user still sees "1,234".
 * The users are the spec's own (created through the admin API, locale chosen on /profile), so the
 * demo accounts other specs read keep their English formats. Nothing of the shared demo rows changes.
 */
import { test, expect, type Page } from "@playwright/test";
import { asAdmin, NEW_USER_PASSWORD } from "./new-user";

test.describe.configure({ timeout: 180_000 });
// The browser itself speaks English and runs on UTC: only the profile makes the pages German.
test.use({ locale: "en-US", timezoneId: "UTC" });

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

async function createUser(label: string, role: string, distributorCode?: string): Promise<string> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@halcyon.test`;
  await asAdmin(async (admin) => {
    const res = await admin.post("/api/v1/admin/users", { data: { email, name: label, role, password: NEW_USER_PASSWORD, ...(distributorCode ? { distributorCode } : {}) } });
    expect(res.status(), await res.text()).toBe(201);
  });
  return email;
}

async function signIn(page: Page, email: string, landing: RegExp): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(NEW_USER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}

/** Chooses the locale and time zone on the profile page, as the user would. */
async function chooseLocale(page: Page, locale: string, timeZone: string): Promise<void> {
  await page.goto("/profile");
  const form = page.getByRole("form", { name: "Profile" });
  await form.getByLabel("Language and number format").selectOption(locale);
  await form.getByLabel("Time zone").selectOption(timeZone);
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("profile-message")).toBeVisible();
}

/** The page's visible text once it has settled (charts and grids render after hydration). */
async function textOf(page: Page, path: string, ready?: string): Promise<string> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await expect(page.locator("main").first()).toBeVisible();
  if (ready) await expect(page.locator(ready).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  // E-mails in the outbox are shown as written for their recipient (data-mail-content): not the reader's format.
  return page.locator("main").first().evaluate((main) => {
    const hidden = [...main.querySelectorAll<HTMLElement>("[data-mail-content]")];
    hidden.forEach((e) => (e.style.display = "none"));
    const text = (main as HTMLElement).innerText;
    hidden.forEach((e) => (e.style.display = ""));
    return text;
  });
}

interface Expect {
  date?: boolean;
  period?: boolean;
  thousands?: boolean;
  decimal?: boolean;
}

/** German where the screen shows it; no English month, thousands or AM/PM anywhere on it. */
function checkGerman(path: string, text: string, want: Expect): void {
  const english = text.match(ENGLISH_MONTH) ?? text.match(ENGLISH_THOUSANDS) ?? text.match(ENGLISH_TIME);
  expect(english?.[0] ?? null, `${path}: English format in "${english ? text.slice(Math.max(0, english.index! - 60), english.index! + 60) : ""}"`).toBeNull();
  if (want.date) expect(text, `${path}: a German date`).toMatch(GERMAN_DATE);
  if (want.period) expect(text, `${path}: a German period`).toMatch(GERMAN_PERIOD);
  if (want.thousands) expect(text, `${path}: "1.234" grouping`).toMatch(GERMAN_THOUSANDS);
  if (want.decimal) expect(text, `${path}: a decimal comma`).toMatch(GERMAN_DECIMAL);
}

/** The first link on `path` whose href matches, for the detail pages (an exception, a programme, a revision). */
async function firstHref(page: Page, path: string, href: RegExp): Promise<string> {
  await page.goto(path);
  const links = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = links.find((h) => href.test(h));
  expect(found, `a link like ${href} on ${path}`).toBeTruthy();
  return found!;
}

test("a de-DE staff user sees German numbers and dates on every staff screen", async ({ page }, testInfo) => {
  const email = await createUser("de-staff", "admin");
  await signIn(page, email, /\/gaps$/);
  await chooseLocale(page, "de-DE", "Europe/Berlin");

  const exception = await firstHref(page, "/exceptions?status=", /^\/exceptions\/[0-9a-f-]{36}$/);
  const programme = await firstHref(page, "/rebates", /^\/rebates\/[0-9a-f-]{36}$/);
  const routes: [string, Expect, string?][] = [
    ["/gaps", { period: true, thousands: true, decimal: true }, "[data-testid=gap-grid], table"],
    ["/gaps/NWC/MCU-1000", { period: true, thousands: true, decimal: true }],
    ["/exceptions?status=", { period: true }],
    [exception, { period: true, date: true }],
    ["/compliance", { period: true, decimal: true }],
    ["/health", { period: true, thousands: true, decimal: true }],
    ["/rebates", { period: true }],
    [programme, { period: true, decimal: true }],
    ["/admin", { thousands: true }],
    ["/admin/sell-in", { thousands: true }],
    ["/admin/products", { decimal: true }],
    ["/admin/distributors", { date: true }],
    ["/admin/users", { date: true }],
    ["/admin/outbox", {}],
    ["/admin/audit", { date: true }],
    ["/admin/settings", {}],
  ];
  for (const [path, want, ready] of routes) checkGerman(path, await textOf(page, path, ready), want);

  // The examples, exactly: a thousands figure with a dot and the drill-down's dates.
  await page.goto("/gaps/NWC/MCU-1000");
  await expect(page.locator("main")).toContainText(/\d\.\d{3}/);
  await page.screenshot({ path: testInfo.outputPath("drill-down-de.png"), fullPage: true });
  // Money in the programme's currency (USD unless set), written the German way: "1.234,56 $".
  await page.goto(programme);
  await expect(page.getByTestId("rebate-total")).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\s\$$/);
  await page.screenshot({ path: testInfo.outputPath("programme-de.png"), fullPage: true });
});

test("a de-DE distributor user sees German numbers and dates on every portal screen", async ({ page }, testInfo) => {
  const email = await createUser("de-partner", "distributor", "NWC");
  await signIn(page, email, /\/submit$/);
  await chooseLocale(page, "de-DE", "Europe/Berlin");

  const revision = await firstHref(page, "/history", /^\/history\/\d{4}-\d{2}\/\d+$/);
  const routes: [string, Expect, string?][] = [
    ["/submit", { period: true, date: true, thousands: true }, "[data-testid=submission-grid][data-ready='1']"],
    ["/history", { period: true, date: true }],
    [revision, { period: true, date: true, thousands: true }],
    ["/standing", { period: true, date: true }],
    ["/my-exceptions", { period: true }],
  ];
  for (const [path, want, ready] of routes) checkGerman(path, await textOf(page, path, ready), want);

  // The grid shows German grouping, and still accepts a plain number typed into a cell.
  await page.goto("/submit");
  const grid = page.getByTestId("submission-grid");
  await expect(grid).toHaveAttribute("data-ready", "1");
  await expect(page.getByRole("group", { name: "Totals" }).or(grid.locator("tfoot")).first()).toContainText(/\d\.\d{3}/);
  await page.screenshot({ path: testInfo.outputPath("submit-de.png") });
});

test("an en-US user still sees 1,234 and English dates", async ({ page }) => {
  const email = await createUser("en-staff", "channel_manager");
  await signIn(page, email, /\/gaps$/);
  const gaps = await textOf(page, "/gaps");
  expect(gaps).toMatch(ENGLISH_THOUSANDS);
  expect(gaps).toMatch(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/);
  expect(gaps).not.toMatch(GERMAN_PERIOD);
  const detail = await textOf(page, "/gaps/NWC/MCU-1000");
  expect(detail).toMatch(/\b\d{1,3}(,\d{3})+\b/);
  expect(detail).toMatch(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/);
});
