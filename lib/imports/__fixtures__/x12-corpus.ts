/** The X12 corpus's expectations (`x12/expected.json`), typed for the unit and integration tests. */
import { expect } from "vitest";
import { needsIndex, type NeedItem } from "../needs";
import type { ParseOutcome } from "../types";
import { fixture } from "./support";

export interface CorpusCase {
  about: string;
  sold?: Record<string, number>;
  returned?: Record<string, number>;
  onHand?: Record<string, number>;
  /** Regular expressions each matching one warning; [] = no warning at all. */
  warnings?: string[];
  needs?: { duplicates?: { count: number }; packSizes?: { sku: string; unit: string; rows: number }[] };
  /** Code → what was done with it. */
  codes?: Record<string, string>;
  filePeriod?: { start?: string; end?: string };
  /** The sender IDs the file names. */
  sender?: { isa: string[]; gs: string[]; duns: string[]; gln: string[] };
  /** Warnings the upload adds (the data layer: sender checks), as regular expressions. */
  dbWarnings?: string[];
  invoices?: string[];
  /** Catalogue pack sizes the case assumes. */
  catalogue?: { packSize: Record<string, number> };
  /** Uploaded again with the distributor's answers. */
  answered?: { options: { duplicates?: "keep" | "drop"; packSizes?: Record<string, number> }; sold: Record<string, number>; duplicates?: number };
}

export const X12_CORPUS: Record<string, CorpusCase> = JSON.parse(fixture("x12/expected.json").toString("utf8"));

/** Checks an answer (the parser's or the upload's) against a corpus case. */
export function checkCase(r: ParseOutcome, exp: CorpusCase, f: (r: ParseOutcome, field: "sold" | "returned" | "onHand") => Record<string, number>): void {
  // The upload's answer lists its questions (the contract's shape); the parser's are one object.
  const needs = Array.isArray(r.needs) ? needsIndex(r.needs as NeedItem[]) : r.needs;
  for (const field of ["sold", "returned", "onHand"] as const) if (exp[field]) expect(f(r, field), field).toEqual(exp[field]);
  const messages = r.warnings.map((w) => w.message);
  if (exp.warnings?.length === 0) expect(messages).toEqual(exp.needs?.duplicates ? [expect.stringMatching(/repeat an earlier line/)] : []);
  for (const w of exp.warnings ?? []) expect(messages.some((m) => new RegExp(w).test(m)), `a warning matching ${w} in ${JSON.stringify(messages)}`).toBe(true);
  if (exp.needs?.duplicates) expect(needs?.duplicates?.count).toBe(exp.needs.duplicates.count);
  if (exp.needs?.packSizes) expect(needs?.packSizes).toEqual(exp.needs.packSizes);
  if (!exp.needs) expect(needs).toBeUndefined();
  for (const [code, use] of Object.entries(exp.codes ?? {})) expect(r.codes?.find((c) => c.code === code)?.use, code).toBe(use);
  if (exp.filePeriod) expect(r.filePeriod).toEqual(exp.filePeriod);
  if (exp.sender) expect(r.sender).toEqual(exp.sender);
}

