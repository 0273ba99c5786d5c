import { describe, expect, it } from "vitest";
import { resolvePart } from "./__fixtures__/support";
import { checkSheet, SHEETS_EXPECTED, SHEETS_PERIOD, sheetFixture, sheetPackSize } from "./__fixtures__/sheets-corpus";
import { parseUpload } from "./index";

describe("spreadsheets as people write them (issue 15 corpus): exact totals, or a question", () => {
  it.each(Object.keys(SHEETS_EXPECTED))("%s", async (name) => {
    const r = await parseUpload({ bytes: sheetFixture(name), period: SHEETS_PERIOD, resolvePart, packSize: sheetPackSize(name) });
    checkSheet(name, r);
  });

  const answered = Object.entries(SHEETS_EXPECTED).filter(([, e]) => e.answered);
  it.each(answered.map(([n]) => n))("%s, answered", async (name) => {
    const a = SHEETS_EXPECTED[name]!.answered!;
    const r = await parseUpload({ bytes: sheetFixture(name), period: SHEETS_PERIOD, resolvePart, packSize: sheetPackSize(name), packSizes: a.options.packSizes });
    expect(r.needs).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(Object.fromEntries(r.lines.map((l) => [l.sku, l.sold]))).toEqual(a.sold);
  });
});
