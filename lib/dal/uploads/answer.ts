/**
 * The answer of `POST /api/v1/uploads`: the contract's fields (`format`, `kind`, `rowsRead`,
 * `rowsAccepted`, `errors`, `unknownParts`, `lines`) plus `uploadId`, `needs` and the other lists
 * (`outOfPeriod`, `duplicates`, `credits`, `skipped`, `warnings`), the mapping used and where it came
 * from, totals, counts and the catalogue names of the SKUs found (so the screen can add rows).
 *
 * Lists are cut at RESPONSE_LIST_MAX entries in the response (`counts` has the full numbers and
 * `truncated` says so); the copy stored in `uploads.result` keeps up to STORED_LIST_MAX of each (the
 * rejected-rows CSV is made from it).
 */
import { needsList, type Layout, type NeedItem, type ParseOutcome, type SkuTotals } from "@/lib/imports";
import type { DistributorResolver } from "../xrefs/load-resolver";
import type { PartialUpload } from "./combine-uploads";

export const RESPONSE_LIST_MAX = 2_000;
export const STORED_LIST_MAX = 50_000;

export interface UploadAnswer extends Omit<ParseOutcome, "posLines" | "needs"> {
  /** The questions asked before the file can be read exactly, in the contract's shape: `[{ kind, … }]`. */
  needs?: NeedItem[];
  uploadId: string;
  period: string;
  fileName: string | null;
  bytes: number;
  /** Where the mapping came from: the caller's confirmation, this distributor's remembered one, or the header suggestions. */
  mappingSource: "confirmed" | "remembered" | "suggested" | null;
  /** True when this upload's answers were saved for the header signature (next month: zero clicks). */
  remembered: boolean;
  /** Sums over `lines` (null when the file does not report the figure). */
  totals: { skus: number; sold: number | null; returned: number | null; onHand: number | null };
  counts: { errors: number; outOfPeriod: number; duplicates: number; skipped: number; unknownParts: number; posLines: number };
  truncated: boolean;
  products: { sku: string; description: string; family: string }[];
  /** Spreadsheets: header, suggestions and the first rows, for showing the mapping with a preview. */
  layout?: Layout;
  /** `combine=`: the earlier partial uploads of the period this one was combined with (its lines and coverage are the month's so far). */
  combinedWith?: PartialUpload[];
  /** A partial file: earlier partial uploads of the period it could be combined with (`combine=` their ids). */
  combinable?: PartialUpload[];
}

export type { Layout };

export interface AnswerContext {
  uploadId: string;
  period: string;
  fileName: string | null;
  bytes: number;
  posLines: number;
  mappingSource: UploadAnswer["mappingSource"];
  remembered: boolean;
  resolver: Pick<DistributorResolver, "productOf">;
  layout: Layout | null;
  combinedWith?: PartialUpload[];
  combinable?: PartialUpload[];
}

function sum(lines: SkuTotals[], f: "sold" | "returned" | "onHand"): number | null {
  let total: number | null = null;
  for (const l of lines) if (l[f] !== null && l[f] !== undefined) total = (total ?? 0) + l[f]!;
  return total;
}

export function toAnswer(r: ParseOutcome, ctx: AnswerContext): { response: UploadAnswer; stored: UploadAnswer } {
  const lines = [...r.lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const base = {
    uploadId: ctx.uploadId, period: ctx.period, fileName: ctx.fileName, bytes: ctx.bytes,
    format: r.format, kind: r.kind, rowsRead: r.rowsRead, rowsAccepted: r.rowsAccepted,
    lines, credits: r.credits, unknownParts: r.unknownParts,
    ...(r.needs ? { needs: needsList(r.needs) } : {}),
    ...(r.headerLine !== undefined ? { headerLine: r.headerLine } : {}),
    ...(r.headers ? { headers: r.headers } : {}),
    ...(r.mapping ? { mapping: r.mapping } : {}),
    ...(r.headerSignature ? { headerSignature: r.headerSignature } : {}),
    mappingSource: ctx.mappingSource,
    remembered: ctx.remembered,
    ...(r.sheet ? { sheet: r.sheet } : {}),
    ...(r.encoding ? { encoding: r.encoding } : {}),
    ...(r.delimiter ? { delimiter: r.delimiter } : {}),
    ...(r.dateOrder ? { dateOrder: r.dateOrder } : {}),
    ...(r.filePeriod ? { filePeriod: r.filePeriod } : {}),
    ...(r.codes ? { codes: r.codes } : {}),
    ...(r.sender ? { sender: r.sender } : {}),
    ...(r.packSizesNeeded ? { packSizesNeeded: r.packSizesNeeded } : {}),
    ...(r.coverage ? { coverage: r.coverage } : {}),
    totals: { skus: lines.length, sold: sum(lines, "sold"), returned: sum(lines, "returned"), onHand: sum(lines, "onHand") },
    counts: {
      errors: r.errors.length, outOfPeriod: r.outOfPeriod.length, duplicates: r.duplicates.length, skipped: r.skipped.length,
      unknownParts: r.unknownParts.length, posLines: ctx.posLines,
    },
    ...(ctx.layout ? { layout: ctx.layout } : {}),
    ...(ctx.combinedWith ? { combinedWith: ctx.combinedWith } : {}),
    ...(ctx.combinable?.length ? { combinable: ctx.combinable } : {}),
    products: lines.map((l) => ctx.resolver.productOf(l.sku)).filter((p): p is NonNullable<typeof p> => !!p),
  };
  const cut = (max: number) => {
    const lists = {
      errors: r.errors.slice(0, max), outOfPeriod: r.outOfPeriod.slice(0, max), duplicates: r.duplicates.slice(0, max),
      skipped: r.skipped.slice(0, max), warnings: r.warnings.slice(0, max),
      ...(r.identicalLines ? { identicalLines: r.identicalLines.slice(0, max) } : {}),
    };
    const truncated = (r.identicalLines?.length ?? 0) > max || r.errors.length > max || r.outOfPeriod.length > max || r.duplicates.length > max || r.skipped.length > max || r.warnings.length > max;
    return { ...base, ...lists, truncated } satisfies UploadAnswer;
  };
  return { response: cut(RESPONSE_LIST_MAX), stored: cut(STORED_LIST_MAX) };
}
