import { describe, expect, it } from "vitest";
import { moneyLike, profileColumns, refineMapping } from "./column-values";
import { suggestMapping } from "./headers";
import { createPartResolver } from "./resolver";

const resolvePart = createPartResolver({ skus: ["MCU-1000", "LDO-330"], crossRef: [["NW-1", "MCU-1000"]], barcodes: [["840012300011", "MCU-1000"]] });
const refine = (headers: string[], rows: string[][]) => refineMapping(suggestMapping(headers), headers, profileColumns(headers.length, rows, resolvePart));

describe("moneyLike", () => {
  it("currency signs and codes, and two-decimal fractions, are money; whole numbers are not", () => {
    for (const v of ["$1,234.50", "12,50 €", "EUR 12", "12.37", "1.234,55", 12.5]) expect(moneyLike(v), String(v)).toBe(true);
    for (const v of ["25.00", "1.401", "1,234", "12", 12, "", null]) expect(moneyLike(v), String(v)).toBe(false);
  });
});

describe("refineMapping: the values decide", () => {
  it("a column of our SKUs / cross-references becomes the part column; a column of dates the date column", () => {
    const r = refine(["Ident", "Qty", "Posted"], [["MCU-1000", "1", "2026-11-02"], ["NW-1", "2", "03.11.2026"], ["LDO-330", "3", "11/04/2026 10:00"]]);
    expect(r.mapping).toEqual({ 0: "sku", 1: "quantity", 2: "date" });
    expect(r.confidence[0]).toBe(0.9);
    expect(r.notes).toHaveLength(2);
  });
  it("a part-named column whose values are not ours gives way to the one whose values are", () => {
    const r = refine(["Item #", "Ref", "Qty"], [["X-1", "MCU-1000", "1"], ["X-2", "LDO-330", "2"]]);
    expect(r.mapping).toMatchObject({ 0: null, 1: "sku", 2: "quantity" });
  });
  it("a figure column holding amounts is dropped and said", () => {
    const r = refine(["SKU", "Sold"], [["MCU-1000", "$12.00"], ["LDO-330", "$3.50"]]);
    expect(r.mapping).toEqual({ 0: "sku", 1: null });
    expect(r.notes[0]).toMatch(/“Sold” holds amounts/);
  });
  it("nothing found: the header suggestion stands", () => {
    const r = refine(["SKU", "Qty"], [["ZZZ", "1"]]);
    expect(r).toEqual({ ...suggestMapping(["SKU", "Qty"]), notes: [] });
  });
});

describe("refineMapping: the unit-of-measure column", () => {
  it("a column of unit codes mapped to nothing becomes the unit column and is said", () => {
    const r = refine(["SKU", "Qty", "VKE", "Date"], [["MCU-1000", "1", "PCS", "2026-11-02"], ["LDO-330", "2", "KRT", "2026-11-03"]]);
    expect(r.mapping[2]).toBe("unit");
    expect(r.notes).toContain("“VKE” holds units of measure (PCS, KRT): read as the unit column");
  });
  it("one code alone (a column of CA may be a state) is not taken", () => {
    const r = refine(["SKU", "Qty", "Zone", "Date"], [["MCU-1000", "1", "CA", "2026-11-02"], ["LDO-330", "2", "CA", "2026-11-03"]]);
    expect(r.mapping[2]).toBeFalsy();
  });
  it("a column named Unit that holds numbers is not the unit column", () => {
    const r = refine(["SKU", "Qty", "Unit", "Date"], [["MCU-1000", "1", "3.10", "2026-11-02"], ["LDO-330", "2", "12", "2026-11-03"]]);
    expect(r.mapping[2]).toBeNull();
    expect(r.notes.at(-1)).toMatch(/“Unit” holds numbers, not units of measure/);
  });
  it("a named unit column with codes we do not know stays mapped (its rows are rejected by name, never counted as units)", () => {
    const r = refine(["SKU", "Qty", "UOM", "Date"], [["MCU-1000", "1", "LB", "2026-11-02"], ["LDO-330", "2", "KG", "2026-11-03"]]);
    expect(r.mapping[2]).toBe("unit");
  });
});
