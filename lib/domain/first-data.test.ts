import { describe, expect, it } from "vitest";
import { fromFirstData } from "./first-data";

const p = (period: string, sellIn = 0, sellThrough = 0, calculated = 0, reported: number | null = null) => ({ period, sellIn, sellThrough, calculated, reported });

describe("fromFirstData", () => {
  it("drops leading empty periods and keeps empty ones after the first with data", () => {
    const points = [p("2026-01"), p("2026-02", 0, 0, 0, 0), p("2026-03", 1000, 700, 300, 240), p("2026-04"), p("2026-05", 0, 0, 300)];
    expect(fromFirstData(points).map((x) => x.period)).toEqual(["2026-03", "2026-04", "2026-05"]);
  });

  it("starts at a period with only a reported count, or only stock", () => {
    expect(fromFirstData([p("2026-01"), p("2026-02", 0, 0, 0, 5)]).map((x) => x.period)).toEqual(["2026-02"]);
    expect(fromFirstData([p("2026-01"), p("2026-02", 0, 0, 12)]).map((x) => x.period)).toEqual(["2026-02"]);
  });

  it("is empty when no period has data", () => {
    expect(fromFirstData([p("2026-01"), p("2026-02", 0, 0, 0, 0)])).toEqual([]);
  });
});
