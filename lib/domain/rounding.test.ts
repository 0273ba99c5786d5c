import { describe, it, expect } from "vitest";
import { roundQuotient } from "./rounding";

describe("roundQuotient", () => {
  it("rounds half away from zero like PostgreSQL numeric", () => {
    expect(roundQuotient(1, 8, 2)).toBe(0.13); // 0.125
    expect(roundQuotient(-1, 8, 2)).toBe(-0.13);
    expect(roundQuotient(1, -8, 2)).toBe(-0.13);
    expect(roundQuotient(201, 200, 2)).toBe(1.01); // 1.005, a float trap
    expect(roundQuotient(1, 3, 2)).toBe(0.33);
    expect(roundQuotient(2, 3, 1)).toBe(0.7);
  });

  it("never returns -0", () => {
    expect(Object.is(roundQuotient(-1, 1000, 2), 0)).toBe(true);
  });

  it("falls back to floating point for non-integers and rejects zero denominators", () => {
    expect(roundQuotient(2.5, 1, 0)).toBe(3);
    expect(roundQuotient(-2.5, 1, 0)).toBe(-3);
    expect(() => roundQuotient(1, 0, 2)).toThrow(RangeError);
  });
});
