import { describe, it, expect } from "vitest";
import {
  addPeriods,
  assertTimeZone,
  dateToPeriod,
  dueAt,
  formatPeriodLabel,
  isPeriod,
  latestEndedPeriod,
  periodEnd,
  periodRange,
  periodToDate,
} from "./periods";

describe("period strings", () => {
  it("validates YYYY-MM", () => {
    expect(isPeriod("2026-10")).toBe(true);
    expect(isPeriod("2026-13")).toBe(false);
    expect(isPeriod("2026-00")).toBe(false);
    expect(isPeriod("2026-1")).toBe(false);
    expect(isPeriod("2026-10-01")).toBe(false);
    expect(isPeriod(202610)).toBe(false);
  });

  it("converts to and from dates", () => {
    expect(periodToDate("2026-10")).toBe("2026-10-01");
    expect(dateToPeriod("2026-10-15")).toBe("2026-10");
    expect(dateToPeriod("2026-10-01T00:00:00.000Z")).toBe("2026-10");
    expect(dateToPeriod(new Date("2026-10-01T00:00:00Z"))).toBe("2026-10");
    expect(() => periodToDate("2026-1")).toThrow(RangeError);
    expect(() => dateToPeriod("2026-10")).toThrow(RangeError);
    expect(() => dateToPeriod("15/10/2026")).toThrow(RangeError);
  });

  it("adds months across years in both directions", () => {
    expect(addPeriods("2026-10", 3)).toBe("2027-01");
    expect(addPeriods("2026-01", -1)).toBe("2025-12");
    expect(addPeriods("2026-01", -25)).toBe("2023-12");
    expect(addPeriods("2026-05", 0)).toBe("2026-05");
    expect(() => addPeriods("2026-05", 1.5)).toThrow(RangeError);
  });

  it("lists an inclusive range, empty when reversed", () => {
    expect(periodRange("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(periodRange("2026-11", "2026-11")).toEqual(["2026-11"]);
    expect(periodRange("2026-11", "2026-10")).toEqual([]);
  });

  it("labels periods in English", () => {
    expect(formatPeriodLabel("2026-10")).toBe("Oct 2026");
    expect(formatPeriodLabel("2027-01")).toBe("Jan 2027");
  });
});

describe("period boundaries in a time zone", () => {
  it("ends at the first instant of the next month, local time", () => {
    expect(periodEnd("2026-10", "UTC").toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(periodEnd("2026-10", "America/Chicago").toISOString()).toBe("2026-11-01T05:00:00.000Z"); // CDT, −5
    expect(periodEnd("2026-12", "America/Chicago").toISOString()).toBe("2027-01-01T06:00:00.000Z"); // CST, −6
    expect(periodEnd("2026-12", "Pacific/Auckland").toISOString()).toBe("2026-12-31T11:00:00.000Z"); // NZDT, +13
  });

  it("finds the latest ended month in the zone", () => {
    const now = new Date("2026-11-01T03:00:00Z"); // still 31 Oct in Chicago
    expect(latestEndedPeriod(now, "UTC")).toBe("2026-10");
    expect(latestEndedPeriod(now, "America/Chicago")).toBe("2026-09");
    expect(latestEndedPeriod(new Date("2026-01-15T12:00:00Z"), "UTC")).toBe("2025-12");
    const end = periodEnd("2026-10", "America/Chicago");
    expect(latestEndedPeriod(end, "America/Chicago")).toBe("2026-10");
    expect(latestEndedPeriod(new Date(end.getTime() - 1), "America/Chicago")).toBe("2026-09");
  });

  it("rejects unknown time zones", () => {
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(RangeError);
    expect(() => periodEnd("2026-10", "Mars/Olympus")).toThrow(RangeError);
    expect(() => dueAt("2026-10", { dueDay: 10, timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("dueAt", () => {
  it("is 23:59:59 on the due day of the next month (UTC default settings)", () => {
    expect(dueAt("2026-10", { dueDay: 10, timeZone: "UTC" }).toISOString()).toBe("2026-11-10T23:59:59.000Z");
    expect(dueAt("2026-12", { dueDay: 10, timeZone: "UTC" }).toISOString()).toBe("2027-01-10T23:59:59.000Z");
  });

  it("follows daylight saving in the manufacturer's zone", () => {
    // Oct → due 10 Nov, after the US fall-back (CST, −6); Feb → due 10 Mar, after spring-forward (CDT, −5).
    expect(dueAt("2026-10", { dueDay: 10, timeZone: "America/Chicago" }).toISOString()).toBe("2026-11-11T05:59:59.000Z");
    expect(dueAt("2026-02", { dueDay: 10, timeZone: "America/Chicago" }).toISOString()).toBe("2026-03-11T04:59:59.000Z");
    expect(dueAt("2026-09", { dueDay: 1, timeZone: "America/Chicago" }).toISOString()).toBe("2026-10-02T04:59:59.000Z");
  });

  it("clamps a due day past the end of the month", () => {
    expect(dueAt("2026-10", { dueDay: 31, timeZone: "UTC" }).toISOString()).toBe("2026-11-30T23:59:59.000Z");
    expect(dueAt("2026-01", { dueDay: 31, timeZone: "UTC" }).toISOString()).toBe("2026-02-28T23:59:59.000Z");
    expect(dueAt("2028-01", { dueDay: 30, timeZone: "UTC" }).toISOString()).toBe("2028-02-29T23:59:59.000Z");
    expect(dueAt("2026-11", { dueDay: 31, timeZone: "UTC" }).toISOString()).toBe("2026-12-31T23:59:59.000Z");
  });

  it("rejects impossible due days", () => {
    expect(() => dueAt("2026-10", { dueDay: 0, timeZone: "UTC" })).toThrow(RangeError);
    expect(() => dueAt("2026-10", { dueDay: 32, timeZone: "UTC" })).toThrow(RangeError);
    expect(() => dueAt("2026-10", { dueDay: 2.5, timeZone: "UTC" })).toThrow(RangeError);
  });
});
