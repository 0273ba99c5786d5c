import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHECK_THRESHOLDS,
  checkLine,
  checkSubmission,
  median,
  unconfirmed,
  type CheckContext,
  type CheckLine,
} from "./submission-checks";

const ctx = (c: Partial<CheckContext> = {}): CheckContext => ({ opening: 0, received: 0, adjustments: 0, lastOnHand: null, history: [], ...c });
const line = (l: Partial<CheckLine> = {}): CheckLine => ({ sku: "MCU-1000", sold: 0, returned: 0, onHand: 0, ...l });
const kinds = (flags: { kind: string }[]) => flags.map((f) => f.kind);

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe("out_of_tolerance", () => {
  it("flags the worked example: shipped 1,000, sold 700, reported 240 → calculated 300, gap 60, 20 %", () => {
    const flags = checkLine(line({ sold: 700, onHand: 240 }), ctx({ received: 1000 }));
    expect(kinds(flags)).toEqual(["out_of_tolerance"]);
    expect(flags[0]!.message).toBe(
      "On hand 240, but by our books you should have 300 (opening 0 + received 1,000 − sold 700): gap 60 (20 %); the limit is 50 units or 10 %",
    );
  });

  it("passes a row that agrees, and one just under both limits", () => {
    expect(checkLine(line({ sold: 700, onHand: 300 }), ctx({ received: 1000 }))).toEqual([]);
    // gap 49 units, 4.9 % of 1,000
    expect(checkLine(line({ sold: 0, onHand: 951 }), ctx({ received: 1000 }))).toEqual([]);
  });

  it("flags at the units limit and at the % limit, with the sign of calculated − reported", () => {
    const units = checkLine(line({ onHand: 1050 }), ctx({ received: 1000 }));
    expect(kinds(units)).toEqual(["out_of_tolerance"]);
    expect(units[0]!.message).toContain("gap −50 (−5 %)");
    // 10 of 100 = 10 %
    expect(kinds(checkLine(line({ onHand: 90 }), ctx({ received: 100 })))).toEqual(["out_of_tolerance"]);
    expect(checkLine(line({ onHand: 91 }), ctx({ received: 100 }))).toEqual([]);
  });

  it("counts approved corrections in calculated and follows the settings' thresholds", () => {
    expect(checkLine(line({ onHand: 80 }), ctx({ received: 100, adjustments: -20 }))).toEqual([]);
    const loose = { ...DEFAULT_CHECK_THRESHOLDS, gapUnits: 1000, gapPct: 50 };
    expect(checkLine(line({ sold: 700, onHand: 240 }), ctx({ received: 1000 }), loose)).toEqual([]);
  });
});

describe("impossible", () => {
  it("flags more sold than available, in words a distributor understands", () => {
    const flags = checkLine(line({ sold: 6078, onHand: 0 }), ctx({ opening: 5, received: 100 }));
    expect(kinds(flags)).toContain("impossible");
    expect(flags.find((f) => f.kind === "impossible")!.message).toBe("Sold 6,078 but only 105 were available (opening 5 + received 100)");
  });

  it("counts returns to the manufacturer too, and passes exactly what was available", () => {
    const flags = checkLine(line({ sold: 100, returned: 6 }), ctx({ opening: 5, received: 100 }));
    expect(flags.find((f) => f.kind === "impossible")!.message).toMatch(/^Sold 100 and returned 6 but only 105/);
    expect(kinds(checkLine(line({ sold: 100, returned: 5 }), ctx({ opening: 5, received: 100 })))).not.toContain("impossible");
  });

  it("says 0 were available when the books are already below zero", () => {
    const flags = checkLine(line({ sold: 3 }), ctx({ opening: -10 }));
    expect(flags.find((f) => f.kind === "impossible")!.message).toMatch(/^Sold 3 but only 0 were available/);
  });
});

describe("outlier", () => {
  const steady = { history: [100, 120, 110, 90, 130, 105], received: 100_000, opening: 0 };

  it("flags sold above 3× the median of the last 6 periods and at least 50 above it", () => {
    // median 107.5 → 3× = 322.5
    const onHand = 100_000 - 400;
    const flags = checkLine(line({ sold: 400, onHand }), ctx(steady));
    expect(kinds(flags)).toEqual(["outlier"]);
    expect(flags[0]!.message).toBe("Sold 400, against your usual 107.5 a period (median of the last 6 periods)");
    expect(checkLine(line({ sold: 322, onHand: 100_000 - 322 }), ctx(steady))).toEqual([]);
  });

  it("needs the 50-unit margin on small sellers, and both numbers are configurable", () => {
    const small = ctx({ history: [2, 3, 2], received: 1000 });
    expect(checkLine(line({ sold: 40, onHand: 960 }), small)).toEqual([]);
    expect(kinds(checkLine(line({ sold: 60, onHand: 940 }), small))).toEqual(["outlier"]);
    const strict = { ...DEFAULT_CHECK_THRESHOLDS, outlierFactor: 2, outlierMinUnits: 10 };
    expect(kinds(checkLine(line({ sold: 20, onHand: 980 }), small, strict))).toEqual(["outlier"]);
  });

  it("flags 0 sold on a SKU that sold every period, but not on a sporadic or tiny seller", () => {
    const flags = checkLine(line({ sold: 0, onHand: 100_000 }), ctx(steady));
    expect(kinds(flags)).toEqual(["outlier"]);
    expect(flags[0]!.message).toMatch(/^Sold 0, but you sold every period before/);
    expect(checkLine(line({ sold: 0, onHand: 1000 }), ctx({ history: [100, 0, 120, 90], received: 1000 }))).toEqual([]);
    expect(checkLine(line({ sold: 0, onHand: 1000 }), ctx({ history: [2, 3, 1], received: 1000 }))).toEqual([]);
  });

  it("does not judge with fewer than 3 periods of history, and reads at most 6", () => {
    expect(checkLine(line({ sold: 900, onHand: 100 }), ctx({ history: [10, 12], received: 1000 }))).toEqual([]);
    const many = ctx({ history: [10, 10, 10, 10, 10, 10, 1000, 1000, 1000], received: 1000 });
    expect(kinds(checkLine(line({ sold: 900, onHand: 100 }), many))).toEqual(["outlier"]);
  });
});

describe("stale_prefill", () => {
  it("flags on hand left at last period's value although stock moved", () => {
    const flags = checkLine(line({ sold: 30, onHand: 240 }), ctx({ opening: 240, received: 30, lastOnHand: 240 }));
    expect(kinds(flags)).toEqual([]); // received 30, sold 30: stock did not move
    const moved = checkLine(line({ sold: 10, onHand: 240 }), ctx({ opening: 240, received: 30, lastOnHand: 240 }));
    expect(kinds(moved)).toEqual(["stale_prefill"]);
    expect(moved[0]!.message).toBe("On hand is still last period’s 240 although 30 came in and 10 were sold");
  });

  it("does not flag a changed on hand, or a SKU not reported last period", () => {
    expect(checkLine(line({ sold: 10, onHand: 260 }), ctx({ opening: 240, received: 30, lastOnHand: 240 }))).toEqual([]);
    expect(checkLine(line({ sold: 10, onHand: 240 }), ctx({ opening: 220, received: 30, lastOnHand: null }))).toEqual([]);
  });
});

describe("not_in_file and the whole submission", () => {
  it("flags SKUs an applied upload did not mention, keyed case-insensitively", () => {
    const contexts = new Map([["MCU-1000", ctx({ opening: 10 })], ["MCU-2000", ctx({ opening: 5 })]]);
    const lines = [line({ sku: "mcu-1000", onHand: 10 }), line({ sku: "MCU-2000", onHand: 5 })];
    const flags = checkSubmission(lines, contexts, DEFAULT_CHECK_THRESHOLDS, { skus: new Set(["MCU-1000"]), kind: "summary" });
    expect(flags).toEqual([{ sku: "MCU-2000", kind: "not_in_file", message: "Not in the file you uploaded: check that 0 sold and 5 on hand are right" }]);
    expect(checkSubmission(lines, contexts)).toEqual([]);
  });

  it("accepts 0 sold and 0 returned for a SKU a line-level POS file left out (it lists every sale)", () => {
    const contexts = new Map([["MCU-2000", ctx({ opening: 50 })]]);
    const file = { skus: new Set(["MCU-1000"]), kind: "pos_lines" as const };
    expect(checkSubmission([line({ sku: "MCU-2000", onHand: 50 })], contexts, DEFAULT_CHECK_THRESHOLDS, file)).toEqual([]);
    expect(kinds(checkSubmission([line({ sku: "MCU-2000", sold: 5, onHand: 45 })], contexts, DEFAULT_CHECK_THRESHOLDS, file))).toEqual(["not_in_file"]);
  });

  it("treats a SKU the ledger does not know as starting from 0", () => {
    expect(kinds(checkSubmission([line({ sku: "NEW-1", sold: 5, onHand: 0 })], new Map()))).toEqual(["impossible", "out_of_tolerance"]);
  });

  it("lists every flag of a row and leaves confirmed rows out of the review", () => {
    const lines = [line({ sold: 6078, onHand: 500 }), line({ sku: "B", sold: 700, onHand: 240, confirm: { reason: "physical_count" } })];
    const contexts = new Map([["MCU-1000", ctx({ opening: 5, received: 100 })], ["B", ctx({ received: 1000 })]]);
    const flags = checkSubmission(lines, contexts);
    expect(kinds(flags)).toEqual(["impossible", "out_of_tolerance", "out_of_tolerance"]);
    expect(unconfirmed(flags, lines).map((f) => f.sku)).toEqual(["MCU-1000", "MCU-1000"]);
  });
});
