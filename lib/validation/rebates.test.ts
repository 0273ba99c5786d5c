import { describe, expect, it } from "vitest";
import { rebateProgramSchema } from "./rebates";

const base = { name: "Reporting rebate Q1", fromPeriod: "2027-01", toPeriod: "2027-03", graceDays: 0, lateAllowed: 0, minCompletenessPct: 95, maxAccuracyPct: 2, ratePct: 1 };

describe("a rebate programme's currency", () => {
  it("is an ISO 4217 code Intl knows, or left out", () => {
    expect(rebateProgramSchema.parse({ ...base, currency: "EUR" }).currency).toBe("EUR");
    expect(rebateProgramSchema.parse({ ...base, currency: " GBP " }).currency).toBe("GBP");
    expect(rebateProgramSchema.parse(base).currency).toBeUndefined();
    expect(rebateProgramSchema.parse({ ...base, currency: "" }).currency).toBeUndefined();
  });
  it("refuses lower case, other lengths and unknown codes", () => {
    for (const currency of ["eur", "EURO", "E1R", "XQQ", 978]) {
      const r = rebateProgramSchema.safeParse({ ...base, currency });
      expect(r.success, String(currency)).toBe(false);
      if (!r.success) expect(r.error.issues[0]!.path).toEqual(["currency"]);
    }
  });
});
