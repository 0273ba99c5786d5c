import { describe, expect, it } from "vitest";
import { amountMatches, bookCostMatches, debitAmount } from "./arithmetic";

describe("ship & debit arithmetic", () => {
  it("is quantity × (book − authorised), to the cent, with no float drift", () => {
    expect(debitAmount(40, 8, 5)).toBe(120);
    expect(debitAmount(3, 0.1, 0.03)).toBe(0.21);
    expect(debitAmount(7, 1.2345, 1.0001)).toBe(1.64); // 7 × 0.2344 = 1.6408
  });
  it("rounds half away from zero at the cent", () => {
    expect(debitAmount(1, 0.125, 0)).toBe(0.13);
    expect(debitAmount(5, 1.001, 1)).toBe(0.01);
  });
  it("never owes below zero", () => {
    expect(debitAmount(10, 5, 6)).toBe(0);
    expect(debitAmount(0, 8, 5)).toBe(0);
  });
  it("accepts a claimed amount within a cent", () => {
    expect(amountMatches(120.01, 40, 8, 5)).toBe(true);
    expect(amountMatches(119.99, 40, 8, 5)).toBe(true);
    expect(amountMatches(120.02, 40, 8, 5)).toBe(false);
  });
  it("accepts a book cost within the tolerance of the one on record", () => {
    expect(bookCostMatches(8.16, 8, 2)).toBe(true);
    expect(bookCostMatches(8.17, 8, 2)).toBe(false);
    expect(bookCostMatches(7.84, 8, 2)).toBe(true);
    expect(bookCostMatches(8, 8, 0)).toBe(true);
  });
});
