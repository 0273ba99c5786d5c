import { describe, expect, it } from "vitest";
import { isPackSize, normalizeUnit, packSizeFor, packUnit, toUnits, unitKind, unitMeaning, unitPlural } from "./units";

describe("units of measure → units", () => {
  it("eaches (and a missing unit) count as they are", () => {
    expect(toUnits(7, "EA", null)).toEqual({ ok: true, units: 7, factor: 1, kind: "each" });
    expect(toUnits(7, undefined, undefined)).toEqual({ ok: true, units: 7, factor: 1, kind: "each" });
    expect(toUnits(-3, " pc ", 50)).toEqual({ ok: true, units: -3, factor: 1, kind: "each" });
  });
  it("dozens and grosses have a fixed size, whatever the pack size", () => {
    expect(toUnits(2, "DZ", null)).toMatchObject({ ok: true, units: 24 });
    expect(toUnits(1, "gr", 10)).toMatchObject({ ok: true, units: 144 });
  });
  it("cases, boxes, packs, cartons and reels use the product's pack size", () => {
    for (const u of ["CA", "CS", "BX", "PK", "CT", "RL", "case"]) expect(toUnits(3, u, 250)).toEqual({ ok: true, units: 750, factor: 250, kind: "pack" });
    expect(toUnits(-1, "CA", 12)).toMatchObject({ ok: true, units: -12 });
  });
  it("never counts cases as units when the pack size is unknown or unusable", () => {
    expect(toUnits(3, "CA", null)).toEqual({ ok: false, reason: "pack_size_unknown", unit: "CA" });
    expect(toUnits(3, "BX", 0)).toEqual({ ok: false, reason: "pack_size_unknown", unit: "BX" });
    expect(toUnits(3, "BX", 2.5)).toEqual({ ok: false, reason: "pack_size_unknown", unit: "BX" });
  });
  it("a unit that is not a count (KG, FT) or not known is not converted", () => {
    expect(toUnits(3, "KG", 10)).toEqual({ ok: false, reason: "unknown_unit", unit: "KG" });
    expect(toUnits(3, "ZZ", 10)).toEqual({ ok: false, reason: "unknown_unit", unit: "ZZ" });
  });
  it("names and kinds", () => {
    expect(normalizeUnit(" ca. ")).toBe("CA");
    expect(unitKind("EA")).toBe("each");
    expect(unitKind("DZ")).toBe("fixed");
    expect(unitKind("RL")).toBe("pack");
    expect(unitKind("LB")).toBeNull();
    expect(unitMeaning("CA")).toBe("case");
    expect(unitMeaning("LB")).toMatch(/not a count unit/);
    expect(["CA", "BX", "DZ", "PK", "EA", "LB"].map(unitPlural)).toEqual(["cases", "boxes", "dozens", "packages", "eaches", 'unit "LB"']);
    expect([packUnit("cs"), packUnit("CASE"), packUnit("KRT"), packUnit("EA"), packUnit("DZ")]).toEqual(["CA", "CA", "CT", null, null]);
    expect(packSizeFor({ CA: 12, BX: 6 }, 100, "CS")).toBe(12);
    expect(packSizeFor({ CA: 12, BX: 6 }, 100, "BOX")).toBe(6);
    expect(packSizeFor({ CA: 12 }, 100, "PK")).toBe(100);
    expect(packSizeFor({ CA: 12 }, null, "PK")).toBeNull();
    expect(packSizeFor(null, null, "CA")).toBeNull();
    expect(isPackSize(12)).toBe(true);
    expect(isPackSize(0)).toBe(false);
    expect(isPackSize("12")).toBe(false);
  });
});
