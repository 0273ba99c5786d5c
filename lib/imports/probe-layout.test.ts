import { describe, expect, it } from "vitest";
import { fixture, resolvePart, utf8, x12 } from "./__fixtures__/support";
import { probeLayout } from "./index";

describe("probeLayout: the header, suggestions and first rows, nothing read past the sample", () => {
  it("a CSV's header, signature, suggested mapping with confidences and first five rows", async () => {
    const csv = ["Invoice,Date,SKU,Qty", ...Array.from({ length: 8 }, (_, i) => `${i},2026-11-0${(i % 9) + 1},MCU-1000,${i + 1}`)].join("\n");
    const l = await probeLayout({ bytes: utf8(csv), period: "2026-11", resolvePart });
    expect(l).toMatchObject({ headers: ["Invoice", "Date", "SKU", "Qty"], suggested: { 0: "invoice", 1: "date", 2: "sku", 3: "quantity" } });
    expect(l!.preview).toHaveLength(5);
    expect(l!.preview[0]).toEqual(["0", "2026-11-01", "MCU-1000", "1"]);
    expect(l!.confidence[2]).toBeGreaterThanOrEqual(0.7);
    expect(l!.signature).toMatch(/^[0-9a-f]{16,}$/);
  });
  it("a workbook's data sheet", async () => {
    const l = await probeLayout({ bytes: fixture("northwind-pos-2026-10.xlsx"), period: "2026-10", resolvePart });
    expect(l?.headers.length).toBeGreaterThan(3);
    expect(Object.values(l!.suggested)).toEqual(expect.arrayContaining(["quantity", "date"]));
  });
  it("an EDI file has no columns: null", async () => {
    expect(await probeLayout({ bytes: utf8(x12(["BPT*00*1*20261105", "LIN**VP*MCU-1000", "QTY*39*1"])), period: "2026-10", resolvePart })).toBeNull();
  });
});
