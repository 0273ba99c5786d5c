import { describe, it, expect } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  calculated,
  gap,
  gapPct,
  isBurningDown,
  isExcess,
  isSignificantGap,
  isSlowing,
  newGap,
  openingFor,
  runLedger,
  weeksOfSupply,
  type PeriodFacts,
} from "./ledger";

const facts = (p: Partial<PeriodFacts>): PeriodFacts => ({ sellIn: 0, sellThrough: 0, returns: 0, adjustments: 0, reported: null, ...p });

describe("the article's worked example", () => {
  it("opening 0, sell-in 1,000, sell-through 700, reported 240 → calculated 300, gap 60, 20 %", () => {
    const f = facts({ sellIn: 1000, sellThrough: 700, reported: 240 });
    const c = calculated(0, f);
    expect(c).toBe(300);
    expect(gap(c, 240)).toBe(60);
    expect(gapPct(60, c)).toBe(20);
    const [row] = runLedger([f]);
    expect(row).toMatchObject({ opening: 0, calculated: 300, reported: 240, gap: 60, gapPct: 20, newGap: 60 });
  });
});

describe("row arithmetic", () => {
  it("subtracts returns and adds signed adjustments", () => {
    expect(calculated(100, { sellIn: 50, sellThrough: 30, returns: 10, adjustments: -5 })).toBe(105);
  });

  it("adds an opening balance to opening, not again to calculated", () => {
    expect(openingFor(0, { opening_balance: 400 })).toBe(400);
    expect(openingFor(120, {})).toBe(120);
    const [first, second] = runLedger([facts({ opening_balance: 400, sellThrough: 100, reported: 300 }), facts({ reported: 300 })]);
    expect(first).toMatchObject({ opening: 400, calculated: 300, gap: 0 });
    expect(second).toMatchObject({ opening: 300, calculated: 300 });
  });

  it("gap is null when nothing was reported; a negative gap means more on hand than explained", () => {
    expect(gap(300, null)).toBeNull();
    expect(gap(300, 330)).toBe(-30);
    expect(gapPct(-30, 300)).toBe(-10);
  });

  it("gap % rounds to 2 decimals", () => {
    expect(gapPct(1, 3)).toBe(33.33);
    expect(gapPct(2, 3)).toBe(66.67);
    expect(gapPct(1, 800)).toBe(0.13); // 0.125 rounds away from zero
  });

  it("new gap treats a missing previous gap as 0", () => {
    expect(newGap(60, null)).toBe(60);
    expect(newGap(40, 60)).toBe(-20);
    expect(newGap(null, 60)).toBeNull();
  });
});

describe("division by zero", () => {
  it("gap % is null when calculated is 0 (or the gap is null)", () => {
    expect(gapPct(-5, 0)).toBeNull();
    expect(gapPct(null, 100)).toBeNull();
    const [row] = runLedger([facts({ sellIn: 10, sellThrough: 10, reported: 5 })]);
    expect(row.calculated).toBe(0);
    expect(row.gap).toBe(-5);
    expect(row.gapPct).toBeNull();
  });

  it("weeks of supply is null with no sales, no report or no window", () => {
    expect(weeksOfSupply(100, [0, 0, 0])).toBeNull();
    expect(weeksOfSupply(100, [5, -10, 0])).toBeNull();
    expect(weeksOfSupply(null, [10, 10, 10])).toBeNull();
    expect(weeksOfSupply(100, [])).toBeNull();
  });
});

describe("weeks of supply", () => {
  it("is reported / (mean monthly sell-through / 4.345), 1 decimal", () => {
    expect(weeksOfSupply(240, [700])).toBe(1.5); // 240 / (700 / 4.345) = 1.4897…
    expect(weeksOfSupply(300, [100, 100, 100])).toBe(13); // 13.035
    expect(weeksOfSupply(0, [100])).toBe(0);
  });

  it("uses only the periods available at the start of a history", () => {
    const rows = runLedger([facts({ sellIn: 500, sellThrough: 100, reported: 400 }), facts({ sellThrough: 300, reported: 100 })]);
    expect(rows[0].weeksOfSupply).toBe(17.4); // 400 / (100 / 4.345) = 17.38
    expect(rows[1].weeksOfSupply).toBe(2.2); // 100 / (200 / 4.345) = 2.17
  });
});

describe("timing differences and corrections", () => {
  it("POS reported a month late shows as +X then −X and heals", () => {
    const rows = runLedger([
      facts({ sellIn: 1000, sellThrough: 500, reported: 500 }),
      // 80 units were sold in period 2 but the POS only arrives in period 3.
      facts({ sellThrough: 100, reported: 320 }),
      facts({ sellThrough: 180, reported: 220 }),
    ]);
    expect(rows.map((r) => r.gap)).toEqual([0, 80, 0]);
    expect(rows.map((r) => r.newGap)).toEqual([0, 80, -80]);
    expect(rows[1].flags).toContain("new_gap");
    expect(rows[2].flags).toContain("new_gap");
  });

  it("a real loss persists until an approved correction moves the calculated balance", () => {
    const rows = runLedger([
      facts({ sellIn: 1000, sellThrough: 700, reported: 240 }),
      facts({ reported: 240 }),
      facts({ adjustments: -60, reported: 240 }), // approved write-off of 60 damaged units
      facts({ reported: 240 }),
    ]);
    expect(rows.map((r) => r.calculated)).toEqual([300, 300, 240, 240]);
    expect(rows.map((r) => r.gap)).toEqual([60, 60, 0, 0]);
    expect(rows.map((r) => r.newGap)).toEqual([60, 0, -60, 0]);
    expect(rows[2].opening).toBe(300);
  });
});

describe("flags at their boundaries", () => {
  const t = DEFAULT_THRESHOLDS;

  it("excess: strictly above 12 weeks, or stock with no trailing sell-through", () => {
    expect(isExcess(2400, [869])).toBe(false); // 2400 × 4.345 / 869 = 12.000 weeks exactly
    expect(isExcess(2401, [869])).toBe(true); // 12.005 weeks
    expect(isExcess(1, [0, 0, 0])).toBe(true);
    expect(isExcess(0, [0, 0, 0])).toBe(false);
    expect(isExcess(null, [0])).toBe(false);
    expect(isExcess(1, [])).toBe(true);
  });

  it("burning down: Σ3 sell-through ≥ 1.3 × Σ3 sell-in, and some sell-through", () => {
    expect(isBurningDown(130, 100, t)).toBe(true);
    expect(isBurningDown(129, 100, t)).toBe(false);
    expect(isBurningDown(1, 0, t)).toBe(true);
    expect(isBurningDown(0, 0, t)).toBe(false);
  });

  it("slowing: Σ3 sell-through ≤ 0.7 × prior Σ3, prior > 0", () => {
    expect(isSlowing(70, 100, t)).toBe(true);
    expect(isSlowing(71, 100, t)).toBe(false);
    expect(isSlowing(0, 0, t)).toBe(false);
    expect(isSlowing(21, 30, t)).toBe(true); // 0.7 × 30 is 20.999… in floating point
  });

  it("significant gap: |units| ≥ 50 or |%| ≥ 10", () => {
    expect(isSignificantGap(50, 1, t)).toBe(true);
    expect(isSignificantGap(-50, null, t)).toBe(true);
    expect(isSignificantGap(49, 9.99, t)).toBe(false);
    expect(isSignificantGap(5, 10, t)).toBe(true);
    expect(isSignificantGap(5, -10, t)).toBe(true);
    expect(isSignificantGap(null, 50, t)).toBe(false);
  });

  it("honours custom thresholds", () => {
    const strict = { ...t, excessWeeks: 4, burnRatio: 1, slowRatio: 0.9, gapUnits: 1, gapPct: 1 };
    expect(isExcess(100, [100], strict)).toBe(true); // 4.3 weeks
    expect(isBurningDown(100, 100, strict)).toBe(true);
    expect(isSlowing(90, 100, strict)).toBe(true);
    expect(isSignificantGap(1, null, strict)).toBe(true);
  });
});

describe("runLedger flags", () => {
  it("flags unreported periods and never a new gap without a report", () => {
    const [row] = runLedger([facts({ sellIn: 100 })]);
    expect(row.gap).toBeNull();
    expect(row.newGap).toBeNull();
    expect(row.flags).toEqual(["unreported"]);
  });

  it("new_gap at |units| = 50 but not 49 (% below threshold)", () => {
    const base = facts({ sellIn: 10000, reported: 10000 });
    expect(runLedger([base, facts({ reported: 9950 })])[1].flags).toContain("new_gap");
    expect(runLedger([base, facts({ reported: 9951 })])[1].flags).not.toContain("new_gap");
  });

  it("new_gap at 10 % of calculated but not below (units below threshold)", () => {
    expect(runLedger([facts({ sellIn: 100, reported: 90 })])[0].flags).toContain("new_gap");
    expect(runLedger([facts({ sellIn: 100, reported: 91 })])[0].flags).not.toContain("new_gap");
  });

  it("computes trailing and prior windows and lists flags in union order", () => {
    const history = [
      ...Array.from({ length: 3 }, () => facts({ sellIn: 100, sellThrough: 100, reported: 0 })),
      ...Array.from({ length: 3 }, () => facts({ sellIn: 0, sellThrough: 70, reported: 0 })),
      facts({ sellIn: 0, sellThrough: 0, reported: null }),
    ];
    // Stock runs negative here (calculated below 0); only the windows matter for this test.
    const rows = runLedger(history);
    expect(rows[5]).toMatchObject({ sellThrough3: 210, sellIn3: 0, sellThroughPrior3: 300 });
    expect(rows[5].flags).toEqual(["burning_down", "slowing", "new_gap"]);
    expect(rows[3]).toMatchObject({ sellThrough3: 270, sellIn3: 200, sellThroughPrior3: 100 });
    expect(rows[3].flags).not.toContain("slowing");
    expect(rows[6]).toMatchObject({ sellThrough3: 140, sellThroughPrior3: 270 });
    expect(rows[6].flags).toEqual(["burning_down", "slowing", "unreported"]);
  });

  it("puts excess before the other flags", () => {
    const rows = runLedger([facts({ sellIn: 1000, reported: 900 })]);
    expect(rows[0].flags).toEqual(["excess", "new_gap"]);
  });

  it("returns an empty ledger for an empty history", () => {
    expect(runLedger([])).toEqual([]);
  });
});
