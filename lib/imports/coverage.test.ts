import { describe, expect, it } from "vitest";
import { coverageMessage, coverageOf, dayRange, periodBounds } from "./coverage";
import { resolvePart, utf8, x12 } from "./__fixtures__/support";
import { parseUpload } from "./index";

describe("coverage of the period (issue 15 item 5)", () => {
  it("month bounds, day ranges", () => {
    expect(periodBounds("2026-02")).toEqual({ start: "2026-02-01", end: "2026-02-28", days: 28 });
    expect(dayRange("2026-11-23", "2026-11-29")).toBe("23–29 Nov");
    expect(dayRange("2026-11-28", "2026-12-03")).toBe("28 Nov – 3 Dec");
  });
  it("a declared week is partial; the declared whole month is not; clipped to the period", () => {
    const week = coverageOf("2026-11", { start: "2026-11-23", end: "2026-11-29" }, undefined)!;
    expect(week).toEqual({ from: "2026-11-23", to: "2026-11-29", days: 7, periodDays: 30, source: "file", partial: true });
    expect(coverageMessage(week)).toBe("The file covers 23–29 Nov only, 7 of 30 days of the period: its figures are for those days, not the whole month");
    expect(coverageOf("2026-11", { start: "2026-11-01", end: "2026-11-30" }, undefined)!.partial).toBe(false);
    expect(coverageOf("2026-11", { start: "2026-10-26", end: "2026-11-01" }, undefined)).toMatchObject({ from: "2026-11-01", to: "2026-11-01", days: 1 });
  });
  it("lines' dates: a month whose first days had no sales is not called partial; a week is", () => {
    expect(coverageOf("2026-11", undefined, { first: "2026-11-03", last: "2026-11-30" })!.partial).toBe(false);
    expect(coverageOf("2026-11", undefined, { first: "2026-11-23", last: "2026-11-29" })!.partial).toBe(true);
    expect(coverageOf("2026-11", undefined, undefined)).toBeUndefined();
  });
  it("an 852 for one week says so in the answer", async () => {
    const edi = x12(["XQ*H*20261123*20261129", "LIN**VN*MCU-1000", "ZA*QS*7", "ZA*QA*40"], { st: "852" });
    const r = await parseUpload({ bytes: utf8(edi), period: "2026-11", resolvePart });
    expect(r.coverage).toMatchObject({ from: "2026-11-23", to: "2026-11-29", days: 7, periodDays: 30, source: "file", partial: true });
    expect(r.warnings.map((w) => w.message)).toContain("The file covers 23–29 Nov only, 7 of 30 days of the period: its figures are for those days, not the whole month");
  });
});
