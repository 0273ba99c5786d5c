import { describe, expect, it } from "vitest";
import { canonicalJson, evaluateRebate, rebateAmount, sameInputs, standingLine, type RebateInputs } from "./rebates";

const SECOND = 1000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const DUE_AUG = Date.parse("2026-09-10T23:59:59Z");
const DUE_SEP = Date.parse("2026-10-10T23:59:59Z");
const DUE_JUL = Date.parse("2026-08-10T23:59:59Z");

function inputs(over: Partial<RebateInputs> = {}, rules: Partial<RebateInputs["rules"]> = {}): RebateInputs {
  return {
    rules: { graceDays: 0, lateAllowed: 0, minCompletenessPct: "95.00", maxAccuracyPct: "2.00", ratePct: "1.00", ...rules },
    periods: [
      { period: "2026-07", dueAt: iso(DUE_JUL), firstSubmittedAt: iso(DUE_JUL - DAY), required: 100, submitted: 100 },
      { period: "2026-08", dueAt: iso(DUE_AUG), firstSubmittedAt: iso(DUE_AUG - DAY), required: 100, submitted: 100 },
      { period: "2026-09", dueAt: iso(DUE_SEP), firstSubmittedAt: iso(DUE_SEP - DAY), required: 100, submitted: 100 },
    ],
    pendingPeriods: [],
    sumGap: 0,
    sumCalculated: 10_000,
    sellThroughValue: "100000.0000",
    ...over,
  };
}

function withPeriod(i: RebateInputs, period: string, patch: Partial<RebateInputs["periods"][number]>): RebateInputs {
  return { ...i, periods: i.periods.map((p) => (p.period === period ? { ...p, ...patch } : p)) };
}

describe("evaluateRebate — timeliness", () => {
  it("all on time: eligible, amount = rate × value", () => {
    const e = evaluateRebate(inputs());
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe("1000.00");
    expect(e.reasons).toEqual([]);
    expect(e.onTime).toBe(3);
    expect(standingLine(e)).toBe("3 of 3 periods on time, error 0.0 % (limit 2 %)");
  });

  it("23:59:59 on the due day is on time; one second later is late, with the period and days late in the reason", () => {
    expect(evaluateRebate(withPeriod(inputs(), "2026-08", { firstSubmittedAt: iso(DUE_AUG) })).eligible).toBe(true);
    const late = evaluateRebate(withPeriod(inputs(), "2026-08", { firstSubmittedAt: iso(DUE_AUG + SECOND) }));
    expect(late.eligible).toBe(false);
    expect(late.amount).toBe("0.00");
    expect(late.reasons).toEqual(["2026-08 submitted 1 day late"]);
    const three = evaluateRebate(withPeriod(inputs(), "2026-08", { firstSubmittedAt: iso(DUE_AUG + 2 * DAY + SECOND) }));
    expect(three.reasons).toEqual(["2026-08 submitted 3 days late"]);
  });

  it("grace days: on time through the last grace second, late after, days late counted from the due date", () => {
    const g = { graceDays: 2 };
    expect(evaluateRebate(withPeriod(inputs({}, g), "2026-08", { firstSubmittedAt: iso(DUE_AUG + 2 * DAY) })).eligible).toBe(true);
    const e = evaluateRebate(withPeriod(inputs({}, g), "2026-08", { firstSubmittedAt: iso(DUE_AUG + 2 * DAY + SECOND) }));
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(["2026-08 submitted 3 days late"]);
  });

  it("late periods allowed: exactly the allowance passes, one more fails", () => {
    const oneLate = withPeriod(inputs({}, { lateAllowed: 1 }), "2026-07", { firstSubmittedAt: iso(DUE_JUL + DAY) });
    const e1 = evaluateRebate(oneLate);
    expect(e1.eligible).toBe(true);
    expect(e1.rules[0]!.detail).toContain("2026-07 submitted 1 day late");
    const twoLate = withPeriod(oneLate, "2026-09", { firstSubmittedAt: iso(DUE_SEP + 5 * DAY) });
    const e2 = evaluateRebate(twoLate);
    expect(e2.eligible).toBe(false);
    expect(e2.reasons).toEqual(["2026-07 submitted 1 day late", "2026-09 submitted 5 days late", "2 late periods, 1 allowed"]);
  });

  it("a missing period always fails, whatever the allowance", () => {
    const e = evaluateRebate(withPeriod(inputs({}, { lateAllowed: 3 }), "2026-09", { firstSubmittedAt: null, submitted: 0 }));
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(["2026-09 not submitted (due 2026-10-10)"]);
    expect(e.missing).toBe(1);
  });
});

describe("evaluateRebate — completeness", () => {
  it("exactly the minimum passes; one SKU fewer fails with the period and figures", () => {
    expect(evaluateRebate(withPeriod(inputs(), "2026-07", { required: 100, submitted: 95 })).eligible).toBe(true);
    const e = evaluateRebate(withPeriod(inputs(), "2026-07", { required: 100, submitted: 94 }));
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(["2026-07 completeness 94.0 % below 95 % (94 of 100 SKUs with stock or sell-in reported)"]);
  });

  it("shows more digits when one decimal would read as the threshold", () => {
    // 1899 / 2000 = 94.95 %: "95.0 % below 95 %" would not make sense
    const e = evaluateRebate(withPeriod(inputs(), "2026-07", { required: 2000, submitted: 1899 }));
    expect(e.reasons[0]).toMatch(/^2026-07 completeness 94\.95 % below 95 %/);
  });

  it("a period without required SKUs is complete", () => {
    expect(evaluateRebate(withPeriod(inputs(), "2026-07", { required: 0, submitted: 0 })).eligible).toBe(true);
  });
});

describe("evaluateRebate — accuracy", () => {
  it("|Σ gap| / Σ calculated: at the maximum passes, above fails; the sign of the gap does not matter", () => {
    expect(evaluateRebate(inputs({ sumGap: 200, sumCalculated: 10_000 })).eligible).toBe(true);
    expect(evaluateRebate(inputs({ sumGap: -200, sumCalculated: 10_000 })).eligible).toBe(true);
    const e = evaluateRebate(inputs({ sumGap: -340, sumCalculated: 10_000 }));
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(["error 3.4 %, above the limit of 2 % (|Σ gap| 340 of 10,000 calculated units)"]);
    expect(e.accuracyPct).toBe(3.4);
    const edge = evaluateRebate(inputs({ sumGap: 201, sumCalculated: 10_000 }));
    expect(edge.eligible).toBe(false);
    expect(edge.reasons[0]).toMatch(/^error 2\.01 %, above the limit of 2 %/);
  });

  it("no calculated stock: not measurable, passes", () => {
    const e = evaluateRebate(inputs({ sumGap: 0, sumCalculated: 0 }));
    expect(e.eligible).toBe(true);
    expect(e.accuracyPct).toBeNull();
  });
});

describe("amounts are exact decimals", () => {
  it("rounds half away from zero to the cent, no float drift", () => {
    expect(rebateAmount("306971.8400", "1.50")).toBe("4604.58");
    expect(rebateAmount("0.1000", "50.00")).toBe("0.05");
    expect(rebateAmount("0.0500", "50.00")).toBe("0.03"); // 0.025 → 0.03
    expect(rebateAmount("0.0400", "50.00")).toBe("0.02");
    expect(rebateAmount("0", "2.00")).toBe("0.00");
    expect(rebateAmount("9999999999.9999", "100.00")).toBe("10000000000.00");
    // 0.1 + 0.2 style values stay exact
    expect(rebateAmount("1234567.8900", "3.33")).toBe("41111.11");
  });

  it("an ineligible distributor earns 0.00 but sees the potential amount", () => {
    const e = evaluateRebate(withPeriod(inputs({ sellThroughValue: "2500.5000" }, { ratePct: "2.00" }), "2026-07", { firstSubmittedAt: null }));
    expect(e.amount).toBe("0.00");
    expect(e.potentialAmount).toBe("50.01");
  });
});

describe("a running programme", () => {
  it("is provisional and says what is left to do", () => {
    const i = inputs({
      periods: [inputs().periods[0]!],
      pendingPeriods: [
        { period: "2026-08", dueAt: iso(DUE_AUG) },
        { period: "2026-09", dueAt: iso(DUE_SEP) },
      ],
    }, { lateAllowed: 1 });
    const e = evaluateRebate(i);
    expect(e.complete).toBe(false);
    expect(e.eligible).toBe(true);
    expect(e.todo).toEqual([
      "Submit 2026-08 with every SKU you stock or received by 2026-09-10",
      "Submit 2026-09 with every SKU you stock or received by 2026-10-10",
      "1 more late period allowed",
    ]);
  });

  it("a failed timeliness rule cannot be recovered", () => {
    const e = evaluateRebate(inputs({
      periods: [{ ...inputs().periods[0]!, firstSubmittedAt: iso(DUE_JUL + 3 * DAY) }],
      pendingPeriods: [{ period: "2026-08", dueAt: iso(DUE_AUG) }],
    }));
    expect(e.todo[0]).toBe("Not reachable this programme: 2026-07 submitted 3 days late");
  });
});

describe("frozen inputs comparison", () => {
  it("ignores key order, sees any value change", () => {
    const a = inputs();
    const b = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse())));
    expect(sameInputs(a, b)).toBe(true);
    expect(sameInputs(a, { ...a, sumGap: 1 })).toBe(false);
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: null }] })).toBe('{"a":[1,{"c":null,"d":2}],"b":1}');
  });
});

describe("evaluateRebate — quality (an optional rule)", () => {
  const scored = (scores: (number | null)[]) => {
    const i = inputs({}, { minQualityScore: 90 });
    return { ...i, periods: i.periods.map((p, k) => ({ ...p, qualityScore: scores[k] ?? null })) };
  };

  it("no quality rule: three rules, and inputs without scores (results frozen before the rule compare equal)", () => {
    const e = evaluateRebate(inputs());
    expect(e.rules.map((r) => r.rule)).toEqual(["timeliness", "completeness", "accuracy"]);
    expect(canonicalJson(inputs())).not.toContain("quality");
  });

  it("every reported period at or above the minimum passes; the lowest score is named", () => {
    const e = evaluateRebate(scored([95, 90, 100]));
    expect(e.eligible).toBe(true);
    expect(e.rules.find((r) => r.rule === "quality")).toMatchObject({ pass: true, detail: "quality 90 at least 90 in every period" });
  });

  it("one period below the minimum fails the rule with that period's score, and the rebate with it", () => {
    const e = evaluateRebate(scored([95, 89, 100]));
    expect(e.eligible).toBe(false);
    expect(e.amount).toBe("0.00");
    expect(e.reasons).toEqual(["2026-08 quality 89 below 90"]);
    expect(standingLine(e)).toBe("3 of 3 periods on time, error 0.0 % (limit 2 %), quality below the minimum");
  });

  it("a revision stored before scores existed does not meet the rule, and says why", () => {
    const e = evaluateRebate(scored([95, null, 100]));
    expect(e.eligible).toBe(false);
    expect(e.reasons[0]).toMatch(/^2026-08 has no quality score/);
  });

  it("a period not reported is the timeliness rule's, not counted twice", () => {
    const i = withPeriod(scored([95, 95, 95]), "2026-09", { firstSubmittedAt: null, qualityScore: null });
    const e = evaluateRebate(i);
    expect(e.rules.find((r) => r.rule === "quality")!.pass).toBe(true);
    expect(e.rules.find((r) => r.rule === "timeliness")!.pass).toBe(false);
  });

  it("a programme still running says what keeps the rule", () => {
    const i = { ...scored([95, 95, 95]), pendingPeriods: [{ period: "2026-10", dueAt: iso(DUE_SEP + 31 * DAY) }] };
    expect(evaluateRebate(i).todo.join("\n")).toContain("quality score at 90 or more");
  });
});
