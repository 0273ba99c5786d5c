import { describe, expect, it } from "vitest";
import { headerUnitNote, unitInHeader } from "./header-unit";

describe("the unit a quantity header names", () => {
  it.each([
    ["Qty (cases)", "CA"], ["Sold CS", "CA"], ["CasesShipped", "CA"], ["Cajas vendidas", "CA"], ["Verkauft (Kartons)", "CT"],
    ["On hand [ctn]", "CT"], ["Boxes Shipped", "BX"], ["Qty Dozens", "DZ"], ["Sprzedane opakowania", "PK"], ["Qty Cases / Boxes", "CA/BX"],
  ])("%s → %s", (header, unit) => expect(unitInHeader(header)).toBe(unit));

  it.each(["Qty", "Qty (EA)", "Units Sold", "Stück", "Qty Ct", "Unit Price"])("%s names no conversion", (header) =>
    expect(unitInHeader(header)).toBeNull(),
  );

  it("says what it does with the column", () => {
    expect(headerUnitNote("Sold (cases)", "CA")).toBe("“Sold (cases)” counts cases (its header says so): its figures are converted to units with each product's pack size");
    expect(headerUnitNote("Qty Dozens", "DZ")).toBe("“Qty Dozens” counts dozens (its header says so): its figures are converted to units (× 12)");
    expect(headerUnitNote("Qty Cases / Boxes", "CA/BX")).toMatch(/names several units \(CA\/BX\): its figures are not counted/);
  });
});
