import { describe, expect, it } from "vitest";
import { needsIndex, needsList } from "./needs";

describe("needs in the contract's shape", () => {
  it("one entry per question, with its details, and back", () => {
    const n = {
      mapping: true, reasons: ["Which column holds the part number?"], headers: ["A", "B"], preview: [["x", "1"]], suggested: { 0: "sku" as const, 1: null }, confidence: { 0: 0.5 },
      dateOrder: true, assumed: "DMY" as const, sheet: ["POS", "Stock"], duplicates: { count: 2, lines: [4, 9] }, packSizes: [{ sku: "MCU-1000", unit: "CA", rows: 3 }],
    };
    const list = needsList(n)!;
    expect(list.map((i) => i.kind)).toEqual(["mapping", "dateOrder", "sheet", "duplicates", "unit"]);
    expect(list[4]).toEqual({ kind: "unit", packSizes: [{ sku: "MCU-1000", unit: "CA", rows: 3 }] });
    expect(needsIndex(list)).toEqual(n);
  });
  it("nothing asked is no list at all", () => {
    expect(needsList(undefined)).toBeUndefined();
    expect(needsList({})).toBeUndefined();
    expect(needsIndex([])).toBeUndefined();
  });
});
