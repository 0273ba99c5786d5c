/**
 * The X12 corpus (`__fixtures__/x12/`): small files written for each shape real senders produce,
 * each with its expected per-SKU totals, warnings, questions and named codes in `x12/expected.json`.
 * The data layer runs the same corpus (lib/dal/uploads/x12-corpus.int.test.ts).
 */
import { describe, expect, it } from "vitest";
import { accountedRows, chunked, figures, fixture, resolvePart } from "./__fixtures__/support";
import { checkCase, X12_CORPUS, type CorpusCase } from "./__fixtures__/x12-corpus";
import { parseUpload } from "./index";

const packSizeOf = (exp: CorpusCase) => (sku: string) => exp.catalogue?.packSize[sku] ?? null;

describe("X12 corpus: every shape reads exactly, or asks, or warns", () => {
  it.each(Object.keys(X12_CORPUS))("%s", async (name) => {
    const exp = X12_CORPUS[name]!;
    const r = await parseUpload({ bytes: fixture(`x12/${name}`), period: "2026-10", resolvePart, packSize: packSizeOf(exp) });
    checkCase(r, exp, figures);
    expect(accountedRows(r)).toBe(r.rowsRead);
    if (exp.invoices) expect([...new Set(r.posLines.map((p) => p.invoice))].sort()).toEqual(exp.invoices);
    const streamed = await parseUpload({ bytes: chunked(fixture(`x12/${name}`), 5), period: "2026-10", resolvePart, packSize: packSizeOf(exp) });
    expect(streamed).toEqual(r);
  });

  it.each(Object.keys(X12_CORPUS).filter((n) => X12_CORPUS[n]!.answered))("%s, answered", async (name) => {
    const exp = X12_CORPUS[name]!;
    const answered = exp.answered!;
    const r = await parseUpload({ bytes: fixture(`x12/${name}`), period: "2026-10", resolvePart, packSize: packSizeOf(exp), ...answered.options });
    expect(figures(r, "sold")).toEqual(answered.sold);
    expect(r.duplicates).toHaveLength(answered.duplicates ?? 0);
    expect(r.needs).toBeUndefined();
  });
});
