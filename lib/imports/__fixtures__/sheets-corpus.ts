/**
 * The spreadsheet corpus of issue 15 (items 8–10): small CSV/XLSX files in `sheets/`, each with its
 * expected per-SKU totals or the question / warning it must give (`sheets/expected.json`). Checked
 * by the parser's unit test and, through the data layer, by the uploads integration test.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { needsIndex, type NeedItem } from "../needs";
import type { Needs, ParseOutcome, SkuTotals } from "../types";

export const SHEETS_DIR = path.resolve(__dirname, "sheets");
export const SHEETS_PERIOD = "2026-11";
export const sheetFixture = (name: string) => fs.readFileSync(path.join(SHEETS_DIR, name));

type Figure = "sold" | "returned" | "onHand" | "customerReturns";
export interface SheetExpectation {
  kind?: string;
  sold?: Record<string, number>;
  onHand?: Record<string, number>;
  customerReturns?: Record<string, number>;
  mapping?: Record<string, string | null>;
  dateOrder?: string;
  /** Regexes every one of which some warning must match. */
  warnings?: string[];
  needs?: "mapping" | "dateOrder" | "packSizes";
  /** needs "packSizes": the products and units asked about. */
  packSizes?: { sku: string; unit: string; rows: number }[];
  /** Units per case/box of catalogue products when the file is read. */
  catalogue?: { packSize: Record<string, number> };
  /** The question answered (upload options) → these sold totals. */
  answered?: { options: { packSizes: Record<string, number> }; sold: Record<string, number> };
  /** Regexes every one of which some `needs.reasons` entry must match. */
  reasons?: string[];
  errors?: string[];
  errorLines?: number[];
  coverage?: Record<string, unknown>;
}
export const SHEETS_EXPECTED: Record<string, SheetExpectation> = JSON.parse(fs.readFileSync(path.join(SHEETS_DIR, "expected.json"), "utf8"));

const figures = (lines: readonly SkuTotals[], f: Figure) =>
  Object.fromEntries(lines.filter((l) => l[f] !== null && l[f] !== undefined).map((l) => [l.sku, l[f] as number]));

/** The catalogue's pack sizes for a file of the corpus (a lookup for the parser). */
export const sheetPackSize = (name: string) => (sku: string) => SHEETS_EXPECTED[name]?.catalogue?.packSize[sku] ?? null;

/** The answer (parser outcome or the API's answer) matches the file's expectation. */
export function checkSheet(
  name: string,
  answer: Pick<ParseOutcome, "kind" | "lines" | "warnings" | "errors" | "mapping" | "dateOrder" | "rowsAccepted" | "coverage"> & { needs?: Needs | NeedItem[] },
): void {
  const exp = SHEETS_EXPECTED[name];
  // The parser's questions are one object, the API's a list (the contract's shape): read both alike.
  const r = { ...answer, needs: Array.isArray(answer.needs) ? needsIndex(answer.needs) : answer.needs };
  const has = (list: readonly string[], re: string) => list.some((m) => new RegExp(re).test(m));
  if (exp.needs === "packSizes") {
    expect(r.needs?.packSizes, `${name}: asks the pack sizes`).toEqual(exp.packSizes);
    for (const re of exp.errors ?? []) expect(r.errors.some((e) => new RegExp(re).test(e.message)), `${name}: error ${re}`).toBe(true);
    return;
  }
  if (exp.needs) {
    expect(r.needs?.[exp.needs], `${name}: asks ${exp.needs}`).toBe(true);
    for (const re of exp.reasons ?? []) expect(has(r.needs?.reasons ?? [], re), `${name}: reason ${re} in ${JSON.stringify(r.needs?.reasons)}`).toBe(true);
    if (exp.needs === "mapping") expect(r.rowsAccepted, `${name}: nothing summed while asking`).toBe(0);
    return;
  }
  expect(r.needs, `${name}: asks nothing`).toBeUndefined();
  if (exp.kind) expect(r.kind).toBe(exp.kind);
  for (const f of ["sold", "onHand", "customerReturns"] as const) {
    if (exp[f]) expect(figures(r.lines, f), `${name}: ${f}`).toEqual(exp[f]);
    else if (f !== "sold" || r.kind === "summary") expect(figures(r.lines, f), `${name}: ${f} not in the file`).toEqual({});
  }
  if (exp.mapping) expect(r.mapping).toMatchObject(exp.mapping);
  if (exp.dateOrder) expect(r.dateOrder).toBe(exp.dateOrder);
  if (exp.coverage) expect(r.coverage).toMatchObject(exp.coverage);
  const warnings = r.warnings.map((w) => w.message);
  for (const re of exp.warnings ?? []) expect(has(warnings, re), `${name}: warning ${re} in ${JSON.stringify(warnings)}`).toBe(true);
  for (const re of exp.errors ?? []) expect(has(r.errors.map((e) => e.message), re), `${name}: error ${re}`).toBe(true);
  expect(r.errors.map((e) => e.line), `${name}: rejected rows`).toEqual(exp.errorLines ?? []);
}
