import { describe, expect, it } from "vitest";
import { createFormatter } from "./formatter";
import { isTimeZone, matchLocale, SUPPORTED_LOCALES } from "./locales";
import { resolveFormatSettings } from "./resolve";

const de = createFormatter({ locale: "de-DE", timeZone: "Europe/Berlin" });
const us = createFormatter({ locale: "en-US", timeZone: "America/Chicago" });
// Intl separates some parts with no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("numbers", () => {
  it("groups and separates decimals by locale (the issue's example)", () => {
    expect(de.number(1234.5, { digits: 1 })).toBe("1.234,5");
    expect(us.number(1234.5, { digits: 1 })).toBe("1,234.5");
    expect(de.decimal(1234.5)).toBe("1.234,5");
    expect(de.number(12.5, { digits: 2, maxDigits: 4 })).toBe("12,50");
    expect(us.number(0.12345, { digits: 2, maxDigits: 4 })).toBe("0.1235");
    expect(us.int(1234)).toBe("1,234");
    expect(de.int(1234)).toBe("1.234");
  });
  it("uses a real minus sign, '+' when signed, and '—' for no value", () => {
    expect(de.int(-1234)).toBe("\u22121.234");
    expect(us.int(60, { signed: true })).toBe("+60");
    expect(us.int(0, { signed: true })).toBe("0");
    expect(us.int(-0)).toBe("0");
    expect(us.number(null)).toBe("—");
    expect(de.int(Number.NaN)).toBe("—");
  });
  it("formats percentages", () => {
    expect(plain(de.percent(0.2))).toBe("20,0 %");
    expect(us.percent(0.2)).toBe("20.0%");
    expect(de.pct(12.34, { digits: 1 })).toBe("12,3 %");
    expect(us.pct(12.34, { digits: 1 })).toBe("12.3 %");
  });
  it("formats money in a currency, including exact decimal strings", () => {
    expect(plain(de.money(1234.5, "EUR"))).toBe("1.234,50 €");
    expect(us.money(1234.5, "USD")).toBe("$1,234.50");
    expect(plain(de.money("4604.58", "USD"))).toBe("4.604,58 $");
    expect(us.money("1292.66", "EUR")).toBe("€1,292.66");
    expect(us.money(null, "EUR")).toBe("—");
  });
  it("formats sizes", () => {
    expect(de.bytes(1.5 * 1024 * 1024)).toBe("1,5 MB");
    expect(us.bytes(2048)).toBe("2 KB");
  });
});

describe("messages our code wrote in en-US", () => {
  it("rewrites grouped numbers and percentages, nothing else", () => {
    const m = "MCU-1000 2026-11: received 1,000 − sold 700: gap 60 (20 %), error 1.25 % (limit 2 %), 12,345.5 units, |gap %| 24.39 ≥ 10, LDO 3.3 V, due 2026-12-10";
    expect(de.message(m)).toBe("MCU-1000 2026-11: received 1.000 − sold 700: gap 60 (20 %), error 1,25 % (limit 2 %), 12.345,5 units, |gap %| 24,39 ≥ 10, LDO 3.3 V, due 2026-12-10");
    expect(us.message(m)).toBe(m);
  });
});

describe("dates", () => {
  it("shows a day (the issue's example)", () => {
    expect(de.date("2026-12-03")).toBe("3. Dez. 2026");
    expect(us.date("2026-12-03")).toBe("Dec 3, 2026");
    expect(de.weekdayDate("2026-12-03")).toBe("Do., 3. Dez. 2026");
    expect(de.dayMonth("2026-12-03")).toBe("3. Dez.");
    expect(us.dayMonth("2026-12-03")).toBe("Dec 3");
  });
  it("does not shift a calendar date by the zone, but does an instant", () => {
    const tokyo = createFormatter({ locale: "en-US", timeZone: "Asia/Tokyo" });
    expect(tokyo.date("2026-12-03")).toBe("Dec 3, 2026");
    expect(tokyo.date("2026-12-03T20:00:00Z")).toBe("Dec 4, 2026");
    expect(us.date(new Date("2026-12-03T03:00:00Z"))).toBe("Dec 2, 2026");
  });
  it("shows date-times in the user's time zone", () => {
    const at = "2026-12-03T08:15:00Z";
    expect(de.dateTime(at)).toBe("3. Dez. 2026, 09:15");
    expect(plain(de.dateTime(at, { zone: true }))).toBe("3. Dez. 2026, 09:15 MEZ");
    expect(plain(us.dateTime(at))).toBe("Dec 3, 2026, 02:15 AM");
    expect(plain(us.dateTime(at, { zone: true, seconds: true }))).toBe("Dec 3, 2026, 02:15:00 AM CST");
    expect(de.time(at)).toBe("09:15");
    expect(de.dateTime("not a date")).toBe("—");
  });
  it("names periods", () => {
    expect(de.period("2026-12")).toBe("Dez. 2026");
    expect(us.period("2026-12")).toBe("Dec 2026");
    expect(de.period("2026-11")).toBe("Nov. 2026");
    expect(us.periodShort("2027-01")).toBe("Jan 27");
    expect(de.periodShort("2026-03")).toBe("März 26");
    expect(de.period("garbage")).toBe("garbage");
  });
  it("says relative days and lists", () => {
    expect(us.relativeDays(3)).toBe("in 3 days");
    expect(de.relativeDays(-1)).toBe("gestern");
    expect(de.list(["a", "b", "c"])).toBe("a, b und c");
  });
});

describe("settings", () => {
  it("caches one formatter per locale and zone", () => {
    expect(createFormatter({ locale: "de-DE", timeZone: "Europe/Berlin" })).toBe(de);
  });
  it("falls back to en-US / UTC", () => {
    const f = createFormatter({ locale: "not a locale!", timeZone: "Mars/Olympus" });
    expect([f.locale, f.timeZone]).toEqual(["en-US", "UTC"]);
    expect(createFormatter(null).settings).toEqual({ locale: "en-US", timeZone: "UTC" });
  });
  it("takes the profile first, then the browser, then the defaults", () => {
    expect(resolveFormatSettings({ profileLocale: "de-DE", profileTimeZone: "Europe/Berlin", acceptLanguage: "fr-FR", timeZoneCookie: "Asia/Tokyo" })).toEqual({ locale: "de-DE", timeZone: "Europe/Berlin" });
    expect(resolveFormatSettings({ acceptLanguage: "fr-CH,fr;q=0.9,en;q=0.8", timeZoneCookie: "Asia%2FTokyo" })).toEqual({ locale: "fr-FR", timeZone: "Asia/Tokyo" });
    expect(resolveFormatSettings({ profileLocale: "xx-XX", acceptLanguage: "ja-JP", timeZoneCookie: "nowhere" })).toEqual({ locale: "en-US", timeZone: "UTC" });
  });
});

describe("locales", () => {
  it("lists the supported locales, each one Intl knows", () => {
    const codes = SUPPORTED_LOCALES.map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "pl-PL", "nl-NL"]));
    for (const c of codes) expect(Intl.NumberFormat.supportedLocalesOf(c)).toEqual([c]);
  });
  it("validates IANA time zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Europe/Nowhere")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
  it("matches Accept-Language by weight, exact tag then language", () => {
    expect(matchLocale("de-AT,de;q=0.9")).toBe("de-DE");
    expect(matchLocale("ja,en-GB;q=0.5,de;q=0.7")).toBe("de-DE");
    expect(matchLocale("en-GB")).toBe("en-GB");
    expect(matchLocale("ja")).toBeNull();
    expect(matchLocale(null)).toBeNull();
  });
});
