/**
 * A claim file the distributor sends (X12 844, CSV/TSV or XLSX in its own layout) → the claim body
 * `submitClaim` stores, for the REST API and the screens alike. Nothing is stored here but a column
 * mapping the caller confirmed (`column_mappings`, under the reader's "claim:" header signature).
 *
 *   const r = await claimBodyFromFile(db, viewer, { bytes, fileName, period, mapping });
 *   r.kind === "claim"  → submitClaim(db, viewer, r.body, { source: r.format, fileName })
 *   r.kind === "needs"  → ask (the columns, the date order) and call again with the answer
 *   r.kind === "errors" → list them: a claim is stored whole or not at all
 *
 * The period is the caller's; without one it is the month most ship dates fall in (said in a warning).
 */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { columnMappings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { CLAIM_FIELDS, readClaimFile, type ClaimError, type ClaimField, type ClaimFileResult, type ClaimNeed, type ClaimWarning } from "@/lib/imports/claims";
import { isImportError } from "@/lib/imports/errors";
import type { DateOrder } from "@/lib/imports/types";
import { claimBodySchema, type ClaimBody } from "@/lib/validation/claims";
import { periodSchema } from "@/lib/validation/common";
import { requireRole, resolveDistributor } from "../authorize";

/** Claim field → column index (0-based); null: the file has no such column. */
export type ClaimColumns = Partial<Record<ClaimField, number | null>>;

export interface ClaimFileInput {
  bytes: Uint8Array;
  fileName: string;
  /** "YYYY-MM"; absent: the month most ship dates fall in. */
  period?: string | null;
  /** Columns the person confirmed (remembered for the layout when the file then reads). */
  mapping?: ClaimColumns | null;
  dateOrder?: DateOrder | null;
  sheet?: string | null;
  /** Staff sending for a distributor name it; a distributor is always its own. */
  distributorCode?: string | null;
  /** The distributor's claim number when the file carries none (an 844's BAA05 wins). */
  reference?: string | null;
  /** A new revision of this claim. */
  claim?: string | null;
  maxBytes?: number;
}

interface Read {
  format: ClaimFileResult["format"];
  warnings: ClaimWarning[];
}
export type ClaimFileOutcome =
  | (Read & { kind: "claim"; body: ClaimBody & { period: string }; periodSource: "given" | "ship_dates"; claimDate: string | null; mappingSaved: boolean })
  | (Read & { kind: "needs"; needs: ClaimNeed[]; headers: string[] })
  | (Read & { kind: "errors"; errors: ClaimError[] });

const FIELD_SET = new Set<string>(CLAIM_FIELDS);

/**
 * `?mapping=` as JSON (or an object), either way round: `{ "0": "authorization", … }` (column → field,
 * as POS uploads take it) or `{ "authorization": 0, … }` (field → column, as `needs.suggested` gives it).
 */
export function parseClaimMapping(raw: unknown): ClaimColumns | null {
  if (raw === undefined || raw === null || (typeof raw === "string" && !raw.trim())) return null;
  const bad = (message: string) => new AppError("validation_failed", `mapping: ${message}; nothing was stored`, [{ path: "mapping", message }]);
  let v = raw;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      throw bad("not valid JSON");
    }
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) throw bad("an object of column index → field or field → column index");
  const out: ClaimColumns = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (/^\d{1,4}$/.test(k)) {
      if (val === null || val === "") continue;
      if (typeof val !== "string" || !FIELD_SET.has(val)) throw bad(`column ${k}: "${String(val)}" is not one of ${CLAIM_FIELDS.join(", ")}`);
      if (out[val as ClaimField] != null) throw bad(`${val} is given two columns`);
      out[val as ClaimField] = Number(k);
    } else if (FIELD_SET.has(k)) {
      if (val !== null && !(Number.isInteger(val) && (val as number) >= 0 && (val as number) < 10_000)) throw bad(`${k}: a column index (0, 1, 2, …) or null`);
      out[k as ClaimField] = val as number | null;
    } else throw bad(`"${k}" is neither a column index nor one of ${CLAIM_FIELDS.join(", ")}`);
  }
  return out;
}

interface Remembered {
  columns: ClaimColumns;
  dateOrder?: DateOrder;
}

async function findRemembered(db: Queryable, distributorId: number, signature: string): Promise<Remembered | null> {
  const [row] = await db.select({ mapping: columnMappings.mapping }).from(columnMappings)
    .where(and(eq(columnMappings.distributorId, distributorId), eq(columnMappings.headerSignature, signature))).limit(1);
  const m = row?.mapping as { claimColumns?: unknown; dateOrder?: unknown } | undefined;
  if (!m?.claimColumns || typeof m.claimColumns !== "object") return null;
  let columns: ClaimColumns | null;
  try {
    columns = parseClaimMapping(m.claimColumns);
  } catch {
    return null;
  }
  return columns ? { columns, dateOrder: m.dateOrder === "MDY" || m.dateOrder === "DMY" ? m.dateOrder : undefined } : null;
}

async function remember(db: Queryable, viewer: Viewer, distributorId: number, signature: string, value: Remembered) {
  const mapping = { claimColumns: value.columns, ...(value.dateOrder ? { dateOrder: value.dateOrder } : {}) };
  await db.insert(columnMappings).values({ distributorId, headerSignature: signature, mapping, updatedBy: viewer.userId })
    .onConflictDoUpdate({ target: [columnMappings.distributorId, columnMappings.headerSignature], set: { mapping, updatedBy: viewer.userId, updatedAt: new Date() } });
}

/** The month most ship dates fall in (the later one on a tie). */
export function periodOfShipDates(dates: readonly string[]): string | null {
  const count = new Map<string, number>();
  for (const d of dates) count.set(d.slice(0, 7), (count.get(d.slice(0, 7)) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const [p, n] of count) if (!best || n > best[1] || (n === best[1] && p > best[0])) best = [p, n];
  return best?.[0] ?? null;
}

function wholeFileError(e: unknown): unknown {
  if (!isImportError(e)) return e;
  if (e.code === "too_large") return new AppError("payload_too_large", `${e.message}; nothing was stored`, [], { reason: e.code });
  return new AppError("validation_failed", `${e.message}; nothing was stored`, [{ path: "file", message: e.message }], { reason: e.code });
}

export async function claimBodyFromFile(db: Queryable, viewer: Viewer, input: ClaimFileInput): Promise<ClaimFileOutcome> {
  requireRole(viewer, ["distributor", "rebate_analyst", "admin"]);
  const period = input.period ? periodSchema.safeParse(input.period) : null;
  if (period && !period.success) throw new AppError("validation_failed", "period is YYYY-MM; nothing was stored", [{ path: "period", message: "Use a period in the form YYYY-MM" }]);
  const d = await resolveDistributor(db, viewer, input.distributorCode);
  let remembered: Remembered | null = null;
  const read = (dateOrder: DateOrder | undefined) => readClaimFile(input.bytes, input.fileName, {
    savedMapping: input.mapping ?? (async (signature: string) => (remembered = await findRemembered(db, d.id, signature))?.columns ?? null),
    dateOrder, period: period?.data, sheet: input.sheet ?? undefined, maxBytes: input.maxBytes,
  });
  let r: ClaimFileResult;
  try {
    r = await read(input.dateOrder ?? undefined);
    const onlyDates = r.needs?.length && r.needs.every((n) => n.kind === "dateOrder");
    const saved = remembered as Remembered | null;
    if (onlyDates && saved?.dateOrder) r = await read(saved.dateOrder);
  } catch (e) {
    throw wholeFileError(e);
  }
  const common: Read = { format: r.format, warnings: r.warnings };
  if (r.needs?.length) return { ...common, kind: "needs", needs: r.needs, headers: r.headers ?? [] };
  if (r.errors.length) return { ...common, kind: "errors", errors: r.errors };
  if (!r.lines.length) return { ...common, kind: "errors", errors: [{ line: 0, message: "The file holds no claim lines" }] };

  const chosen = period?.data ?? periodOfShipDates(r.lines.map((l) => l.shipDate))!;
  const warnings = [...r.warnings];
  if (!period) warnings.push({ code: "period_from_ship_dates", message: `No period was given: the claim is for ${chosen}, the month most of its ship dates fall in` });
  const body = { period: chosen, reference: r.reference ?? input.reference ?? null, claim: input.claim ?? null, lines: r.lines };
  const checked = claimBodySchema.safeParse(body);
  if (!checked.success) {
    const errors = checked.error.issues.map((i): ClaimError => {
      const [root, index, field] = i.path;
      const line = root === "lines" && typeof index === "number" ? r.lines[index]?.line ?? index + 1 : 0;
      return { line, ...(typeof field === "string" && FIELD_SET.has(field) ? { field: field as ClaimField } : {}), message: line ? `Claim line ${line}: ${i.message}` : `${i.path.join(".")}: ${i.message}` };
    });
    return { format: r.format, warnings, kind: "errors", errors };
  }
  const confirmed = !!(input.mapping || input.dateOrder);
  if (confirmed && r.headerSignature && r.mapping) {
    await remember(db, viewer, d.id, r.headerSignature, { columns: r.mapping, dateOrder: input.dateOrder ?? r.dateOrder });
  }
  return {
    format: r.format, warnings, kind: "claim", body, periodSource: period ? "given" : "ship_dates",
    claimDate: r.claimDate ?? null, mappingSaved: confirmed && !!r.headerSignature,
  };
}
