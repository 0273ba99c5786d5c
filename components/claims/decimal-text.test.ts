import { describe, expect, it } from "vitest";
import { decimalSeparator, decimalText, parseDecimal } from "./decimal-text";

describe("decimals as typed in the reader's locale", () => {
  it("reads German and English grouping and separators", () => {
    expect(decimalSeparator("de-DE")).toBe(",");
    expect(decimalSeparator("en-US")).toBe(".");
    expect(parseDecimal("1.234,50", ",")).toBe(1234.5);
    expect(parseDecimal("300,00 €", ",")).toBe(300);
    expect(parseDecimal("1,234.50", ".")).toBe(1234.5);
    expect(parseDecimal("$4.84", ".")).toBe(4.84);
  });
  it("refuses what is not a number, blank included", () => {
    expect(parseDecimal("", ".")).toBeNaN();
    expect(parseDecimal("12a", ".")).toBeNaN();
    expect(parseDecimal("1,5,0", ",")).toBeNaN();
  });
  it("writes a stored decimal for the input", () => {
    expect(decimalText("1200.50", ",")).toBe("1200,50");
    expect(decimalText("1200.50", ".")).toBe("1200.50");
  });
});
