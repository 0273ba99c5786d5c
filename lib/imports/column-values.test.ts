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
