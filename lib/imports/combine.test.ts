import { describe, expect, it } from "vitest";
import { combinePartials, type PartialFile } from "./combine";

const cov = (from: string, to: string, days: number) => ({ from, to, days, periodDays: 30, source: "lines" as const, partial: true });
const file = (id: string, from: string, to: string, days: number, lines: PartialFile["lines"], kind: PartialFile["kind"] = "summary"): PartialFile => ({
  uploadId: id, fileName: `${id}.csv`, kind, coverage: cov(from, to, days), lines,
});

describe("combinePartials: several partial files into the month", () => {
  it("adds sales, returns and receipts; takes on hand from the latest-dated file that reports it; covers their days", () => {
    const w2 = file("week2", "2026-11-08", "2026-11-14", 7, [{ sku: "A", sold: 3, returned: 1, onHand: 37, received: 10 }, { sku: "B", sold: 2, returned: 0, onHand: null }]);
    const w1 = file("week1", "2026-11-01", "2026-11-07", 7, [{ sku: "A", sold: 5, returned: 0, onHand: 40, received: 0 }, { sku: "B", sold: 4, returned: 0, onHand: 12 }, { sku: "C", sold: 1, returned: 0, onHand: 9 }]);
    const r = combinePartials([w2, w1]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines).toEqual([
      { sku: "A", sold: 8, returned: 1, onHand: 37, received: 10 },
      { sku: "B", sold: 6, returned: 0, onHand: 12 },
      { sku: "C", sold: 1, returned: 0, onHand: 9 },
    ]);
    expect(r.coverage).toEqual({ from: "2026-11-01", to: "2026-11-14", days: 14, periodDays: 30, source: "lines", partial: true });
    expect(r.message).toBe("2 files combined into the month — “week1.csv” 1–7 Nov, “week2.csv” 8–14 Nov: 14 of 30 days. Sales, returns and receipts are added up; on hand is the latest-dated file's (“week2.csv”, to 14 Nov) where it reports the SKU");
  });
  it("says when the files leave days between them", () => {
    const r = combinePartials([file("a", "2026-11-01", "2026-11-07", 7, [], "pos_lines"), file("b", "2026-11-15", "2026-11-21", 7, [], "pos_lines")]);
    expect(r.ok && r.message).toMatch(/14 of 30 days \(days between the files are not covered\)\. Sales and returns are added up/);
  });
  it("never combines files that cover the same days, files of two kinds, or a file without dates", () => {
    expect(combinePartials([file("a", "2026-11-01", "2026-11-10", 10, []), file("b", "2026-11-08", "2026-11-14", 7, [])])).toEqual({
      ok: false, message: "“a.csv” (1–10 Nov) and “b.csv” (8–14 Nov) cover the same days: not combined, their sales would count twice. Replace one of them",
    });
    expect(combinePartials([file("a", "2026-11-01", "2026-11-07", 7, []), file("b", "2026-11-08", "2026-11-14", 7, [], "pos_lines")]).ok).toBe(false);
    expect(combinePartials([file("a", "2026-11-01", "2026-11-07", 7, []), { ...file("b", "2026-11-08", "2026-11-14", 7, []), coverage: undefined }])).toMatchObject({ ok: false, message: expect.stringMatching(/“b.csv” has no dates/) });
    expect(combinePartials([file("a", "2026-11-01", "2026-11-07", 7, [])]).ok).toBe(false);
  });
});
