import { describe, expect, it } from "vitest";
import { excelSerialToIso, inferDateOrder, parseDate } from "./dates";

describe("parseDate", () => {
  it.each([
    ["2026-10-03", "MDY", "2026-10-03"],
    ["2026/10/03", "DMY", "2026-10-03"],
    ["2026-10-03T14:22:00Z", "MDY", "2026-10-03"],
    ["20261003", "MDY", "2026-10-03"],
    ["10/03/2026", "MDY", "2026-10-03"],
    ["03/10/2026", "DMY", "2026-10-03"],
    ["03.10.2026", "DMY", "2026-10-03"],
    ["3.10.26", "DMY", "2026-10-03"],
    ["10-03-2026 12:00 AM", "MDY", "2026-10-03"],
    ["03-Oct-2026", "MDY", "2026-10-03"],
    ["3. Okt 2026", "DMY", "2026-10-03"],
    ["Oct 3, 2026", "DMY", "2026-10-03"],
    ["46298", "MDY", "2026-10-03"],
  ] as const)("%j (%s) → %s", (raw, order, iso) => expect(parseDate(raw, order)).toEqual({ ok: true, value: iso }));

  it("real dates and serial numbers from spreadsheets", () => {
    expect(parseDate(new Date(Date.UTC(2026, 9, 16)), "MDY")).toEqual({ ok: true, value: "2026-10-16" });
    expect(parseDate(new Date(Date.UTC(2026, 9, 15, 23, 59, 59, 999)), "MDY")).toEqual({ ok: true, value: "2026-10-16" });
    expect(parseDate(46298, "MDY")).toEqual({ ok: true, value: "2026-10-03" });
  });

  it("rejects impossible dates and values against the column's order", () => {
    expect(parseDate("02/30/2026", "MDY")).toEqual({ ok: false, message: '"02/30/2026" is not a valid calendar date' });
    expect(parseDate("25/10/2026", "MDY")).toEqual({ ok: false, message: "\"25/10/2026\" does not fit this column's month/day order" });
    expect(parseDate("soon", "MDY")).toEqual({ ok: false, message: '"soon" is not a date' });
    expect(parseDate("", "MDY")).toEqual({ ok: true, value: null });
  });
});

describe("excelSerialToIso (1900 date system)", () => {
  it("counts Excel's phantom 1900-02-29", () => {
    expect(excelSerialToIso(1)).toBe("1900-01-01");
    expect(excelSerialToIso(59)).toBe("1900-02-28");
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe("1900-03-01");
    expect(excelSerialToIso(45_000)).toBe("2023-03-15");
    expect(excelSerialToIso(46_298.75)).toBe("2026-10-03");
    expect(excelSerialToIso(0)).toBeNull();
  });
});

describe("inferDateOrder (all values of the column)", () => {
  it("a first part over 12 means day first; a second part over 12 means month first", () => {
    expect(inferDateOrder(["03/10/2026", "25/10/2026"])).toEqual({ order: "DMY", ambiguous: false, conflict: false });
    expect(inferDateOrder(["10/03/2026", "10/28/2026"])).toEqual({ order: "MDY", ambiguous: false, conflict: false });
  });
  it("only ambiguous values → ask (no order)", () => {
    expect(inferDateOrder(["10/03/2026", "11/04/2026", "2026-10-01"])).toEqual({ order: null, ambiguous: true, conflict: false });
  });
  it("same day and month is not ambiguous; ISO dates need no order", () => {
    expect(inferDateOrder(["10/10/2026", "2026-10-01"])).toEqual({ order: null, ambiguous: false, conflict: false });
  });
  it("dotted dates are day first", () => {
    expect(inferDateOrder(["03.10.2026", "04.10.2026"])).toEqual({ order: "DMY", ambiguous: false, conflict: false });
  });
  it("contradicting values: majority, flagged", () => {
    expect(inferDateOrder(["25/10/2026", "26/10/2026", "10/27/2026"])).toEqual({ order: "DMY", ambiguous: false, conflict: true });
  });
});

describe("date order from the period (issue 15 item 10)", () => {
  it("values fitting both orders are read in the only one that puts them in the period, and it says so", () => {
    expect(inferDateOrder(["03/11/2026", "07/11/2026 10:00"], "2026-11")).toMatchObject({ order: "DMY", byPeriod: true, example: "03/11/2026" });
    expect(inferDateOrder(["11/03/2026", "11/07/2026"], "2026-11")).toMatchObject({ order: "MDY", byPeriod: true });
  });
  it("asks when the period cannot tell either (one value fits each order) or nothing fits", () => {
    expect(inferDateOrder(["05/11/2026", "11/05/2026"], "2026-11")).toMatchObject({ order: null, ambiguous: true });
    expect(inferDateOrder(["03/04/2026"], "2026-11")).toMatchObject({ order: null, ambiguous: true });
    expect(inferDateOrder(["03/11/2026"])).toMatchObject({ order: null, ambiguous: true });
  });
  it("day-first dates with times decide by themselves", () => {
    expect(inferDateOrder(["25/11/2026 14:03", "02/11/2026 09:15"])).toMatchObject({ order: "DMY", ambiguous: false });
    expect(parseDate("25/11/2026 14:03", "DMY")).toEqual({ ok: true, value: "2026-11-25" });
    expect(parseDate("2026-11-25T14:03:00Z", "MDY")).toEqual({ ok: true, value: "2026-11-25" });
  });
});
