import { describe, expect, it } from "vitest";
import { qualityScore } from "./quality";
import type { RowFlag } from "./submission-checks";

const flag = (sku: string, kind: RowFlag["kind"]): RowFlag => ({ sku, kind, message: "" });

describe("qualityScore", () => {
  it("gives 100 to a complete, plausible, agreeing, fresh and timely report", () => {
    expect(qualityScore({ lines: 20, required: 18, requiredListed: 18, flags: [], daysLate: 0 })).toEqual({
      score: 100,
      parts: { completeness: 100, plausibility: 100, agreement: 100, freshness: 100 },
    });
  });

  it("worked example: 1 of 4 lines out of tolerance costs a quarter of agreement", () => {
    const q = qualityScore({ lines: 4, required: 4, requiredListed: 4, flags: [flag("MCU-1000", "out_of_tolerance")], daysLate: 0 });
    expect(q.parts).toEqual({ completeness: 100, plausibility: 100, agreement: 75, freshness: 100 });
    expect(q.score).toBe(94); // (100 + 100 + 75 + 100) / 4 = 93.75
  });

  it("completeness is the share of SKUs with stock or sell-in that are listed", () => {
    expect(qualityScore({ lines: 3, required: 4, requiredListed: 3, flags: [], daysLate: 0 }).parts.completeness).toBe(75);
    expect(qualityScore({ lines: 3, required: 0, requiredListed: 0, flags: [], daysLate: 0 }).parts.completeness).toBe(100);
  });

  it("plausibility counts rows (not flags) with impossible or outlier", () => {
    const q = qualityScore({ lines: 10, required: 10, requiredListed: 10, flags: [flag("A", "impossible"), flag("A", "outlier"), flag("B", "outlier")], daysLate: 0 });
    expect(q.parts.plausibility).toBe(80);
  });

  it("freshness counts stale prefills and SKUs not in the file, and loses 10 points a day late", () => {
    const flags = [flag("A", "stale_prefill"), flag("B", "not_in_file")];
    expect(qualityScore({ lines: 10, required: 10, requiredListed: 10, flags, daysLate: 0 }).parts.freshness).toBe(80);
    expect(qualityScore({ lines: 10, required: 10, requiredListed: 10, flags, daysLate: 3 }).parts.freshness).toBe(50);
    expect(qualityScore({ lines: 10, required: 10, requiredListed: 10, flags: [], daysLate: 12 }).parts.freshness).toBe(0);
  });

  it("a report without lines scores 100 on the line parts; negative counts are refused", () => {
    expect(qualityScore({ lines: 0, required: 0, requiredListed: 0, flags: [], daysLate: 0 }).score).toBe(100);
    expect(() => qualityScore({ lines: -1, required: 0, requiredListed: 0, flags: [], daysLate: 0 })).toThrow(RangeError);
  });
});
