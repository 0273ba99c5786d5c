import { describe, expect, it } from "vitest";
import { countChanges, diffLines } from "./revision-diff";

const line = (sku: string, sold: number, onHand: number, extra: { returned?: number; note?: string | null; description?: string } = {}) => ({
  sku, sold, onHand, returned: extra.returned ?? 0, note: extra.note ?? null, description: extra.description ?? `${sku} desc`,
});

describe("diffLines", () => {
  it("lists added, removed and changed rows with each changed field, sorted by SKU, and counts the rest", () => {
    const before = [line("B-2", 10, 5), line("A-1", 7, 3), line("C-3", 1, 1)];
    const after = [line("A-1", 7, 3), line("B-2", 12, 5, { note: "count" }), line("D-4", 4, 0)];
    const { changes, unchanged } = diffLines(before, after);
    expect(unchanged).toBe(1);
    expect(changes).toEqual([
      { sku: "B-2", description: "B-2 desc", change: "changed", fields: { sold: { from: 10, to: 12 }, note: { from: null, to: "count" } } },
      { sku: "C-3", description: "C-3 desc", change: "removed", fields: { sold: { from: 1, to: null }, returned: { from: 0, to: null }, onHand: { from: 1, to: null } } },
      { sku: "D-4", description: "D-4 desc", change: "added", fields: { sold: { from: null, to: 4 }, returned: { from: null, to: 0 }, onHand: { from: null, to: 0 } } },
    ]);
    expect(countChanges(changes, unchanged)).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
  });

  it("matches SKUs whatever their case and treats a missing note as none", () => {
    const { changes, unchanged } = diffLines([{ sku: "ab-1", sold: 1, returned: 0, onHand: 2 }], [{ sku: "AB-1", sold: 1, returned: 0, onHand: 2, note: null }]);
    expect(changes).toEqual([]);
    expect(unchanged).toBe(1);
  });

  it("a returned-only change is a change (the worked example's row, 700 sold, 240 on hand)", () => {
    const { changes } = diffLines([line("WX-1", 700, 240)], [line("WX-1", 700, 240, { returned: 5 })]);
    expect(changes).toEqual([{ sku: "WX-1", description: "WX-1 desc", change: "changed", fields: { returned: { from: 0, to: 5 } } }]);
  });
});
