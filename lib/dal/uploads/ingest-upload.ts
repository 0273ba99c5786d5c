/**
 * An upload in three steps, so that no transaction ever waits on a client still sending:
 *
 * 1. `prepareUpload(db, viewer, knownOptions)` — in the request's first, short transaction (the
 *    caller is resolved in it too): distributors only (staff 403), the options known before the body
 *    are validated, a closed period is refused (409) before a byte is read, and the distributor's part
 *    resolver (our SKUs, cross-reference, UPC/GTINs) is loaded.
 * 2. `readUpload(prepared, run, input)` — with NO transaction open: the pure parser (`lib/imports`)
 *    reads the file while it arrives (`input.source`, a follower of the spooled body), the head
 *    probe finds a remembered mapping (one short look-up), accepted POS lines become blocks that are
 *    held (memory, then a temp file) until:
 * 3. the store transaction (`run`) — opened when the last byte is in on Postgres (the blocks held so
 *    far, then the rest as the parser finishes them, go through one binary COPY while it runs) or when
 *    the parse is over on the embedded database (where any transaction holds every request) —
 *    stores the blocks, the `uploads` row (one write, with its answer), a confirmed mapping and the
 *    audit entry, and re-checks the period (409 when closed). A failure anywhere — a corrupt file, a
 *    body too slow or too large, the database gone, a crash — rolls everything back: no upload row,
 *    no POS line. Parsing submits nothing; a later submission names the upload (`uploadId`).
 *
 * `ingestUpload(db, viewer, input)` runs all three on one handle (tests, benchmarks, the data layer).
 *
 * Column mappings: a mapping the caller sends (`options.mapping`, and/or `kind` / `dateOrder`) is a
 * confirmation and is remembered for the file's header signature; without one, a remembered
 * mapping for the signature is applied automatically (a cheap probe of the file's head finds the
 * signature first), else the parser's suggestion is used and `needs.mapping` asks when unsure.
 *
 * `source` must be re-readable (a Buffer or a factory that opens the bytes again): the probe and a
 * late date-order decision read it again.
 *
 * Errors (AppError): 403 staff; 400 `validation_failed` for bad options or a corrupt / unsupported /
 * empty file (the parser's message); 409 a closed period; 413 `payload_too_large`.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { DbRunner } from "@/db/rls";
import { periods, uploads } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/config/env";
import { periodToDate } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";
import {
  detectContainer,
  isImportError,
  parseUpload,
  probeLayout,
  type DateOrder,
  type Kind,
  type Layout,
  type Mapping,
  type ParseOutcome,
  type ResolvedPosLine,
  type SplitInput,
} from "@/lib/imports";
import { uploadOptionsSchema } from "@/lib/validation/uploads";
import { requireRole, resolveDistributor } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { findSavedMapping, saveMapping } from "../mappings/column-mappings";
import { loadPartResolver, type DistributorResolver } from "../xrefs/load-resolver";
import { firstRow, str } from "@/db/sql-rows";
import { createPosSink, streamsToStore, type PosSink } from "./pos-sink";
import { checkSender } from "./check-sender";
import { findAbsentSkus } from "./absent-skus";
import { combinableUploads, combineWithEarlier, type PartialUpload } from "./combine-uploads";
import { toAnswer, type UploadAnswer } from "./answer";

export type { UploadAnswer } from "./answer";

type Source = Uint8Array | (() => AsyncIterable<Uint8Array>);

export interface IngestInput {
  /** Raw options: `{ period, mapping?, kind?, dateOrder?, sheet?, replaces?, fileName? }` (strings from a query are fine). */
  options: unknown;
  source: Source;
  /** Size of the file in bytes (for the record); measured while reading when absent. */
  bytes?: number;
  /** The spooled file behind `source`, when there is one: a large CSV is then read in two parts at once. */
  file?: string;
  /** The file's size when it is still arriving (undefined until complete): the two-part read is placed then. */
  size?: () => number | undefined;
  /** …or, for a body with a declared length, as soon as its middle is on disk (the part reader follows the file). */
  declared?: { size: number; available: () => number };
  fileName?: string | null;
  /** Default: SELLTHRU_MAX_UPLOAD_MB. */
  maxBytes?: number;
  /** Tests and the benchmark: sees every batch before it is staged (throwing aborts the upload). */
  onPosLines?: (batch: ResolvedPosLine[]) => void | Promise<void>;
  onProgress?: (p: { bytesRead: number }) => void;
}

/** Enough of a text file to find its header (preambles included) without reading it all. */
const PROBE_BYTES = 256 * 1024;

export function maxUploadBytes(): number {
  return env().SELLTHRU_MAX_UPLOAD_MB * 1024 * 1024;
}

/** The parser's whole-file failures as the API's errors: too large → 413, the rest → 400 with its message. */
export function importErrorToApp(e: unknown): unknown {
  if (!isImportError(e)) return e;
  if (e.code === "too_large") {
    return new AppError("payload_too_large", `${e.message}; nothing was stored. Split the file by month or ask for a higher limit.`, [], { reason: e.code });
  }
  return new AppError("validation_failed", `${e.message}; nothing was stored`, [{ path: "file", message: e.message }], { reason: e.code });
}

export interface PreparedUpload {
  viewer: Viewer;
  distributor: { id: number; code: string };
  resolver: DistributorResolver;
  /** Postgres: blocks may go to the store while the parser runs (COPY). */
  streams: boolean;
}

function parseOptions(raw: unknown) {
  const parsed = uploadOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("validation_failed", `${issues[0]?.path ? `${issues[0].path}: ` : ""}${issues[0]?.message ?? "Not valid"}; nothing was stored`, issues);
  }
  return parsed.data;
}

/** 409 for a closed period, as a submission for it would be. */
async function assertPeriodOpen(db: Queryable, period: string): Promise<void> {
  const [row] = await db.select({ closedAt: periods.closedAt }).from(periods).where(eq(periods.period, periodToDate(period))).limit(1);
  if (row?.closedAt) throw new AppError("conflict", `Period ${period} is closed; uploads for it are refused. Ask your channel manager for an adjustment`);
}

/** Step 1, in the request's first transaction: who, which distributor, its resolver; a closed period → 409 at once. */
export async function prepareUpload(db: Queryable, viewer: Viewer, known: Record<string, unknown> = {}): Promise<PreparedUpload> {
  requireRole(viewer, ["distributor"]);
  if (known.period !== undefined) await assertPeriodOpen(db, parseOptions(known).period);
  const d = await resolveDistributor(db, viewer);
  return { viewer, distributor: { id: d.id, code: d.code }, resolver: await loadPartResolver(db, d.id), streams: streamsToStore(db) };
}

export interface ReadInput extends IngestInput {
  /** Resolves when every byte is in (a body still arriving); absent = the source is complete. */
  complete?: Promise<unknown>;
  /** Called when the upload fails, before waiting for the parser to stop (cancel the body). */
  abort?: (error: unknown) => void;
}

export async function ingestUpload(db: Queryable, viewer: Viewer, input: IngestInput): Promise<UploadAnswer> {
  const prepared = await prepareUpload(db, viewer, {});
  return readUpload(prepared, (fn) => db.transaction(fn), input);
}

/** Steps 2 and 3: parse with no transaction open, then store in one. */
export async function readUpload(prepared: PreparedUpload, run: DbRunner, input: ReadInput): Promise<UploadAnswer> {
  const { viewer, distributor: d, resolver } = prepared;
  const opts = parseOptions(input.options);
  const maxBytes = input.maxBytes ?? maxUploadBytes();
  const uploadId = randomUUID();
  const sink = createPosSink({ uploadId, distributorId: d.id, productIdOf: resolver.productIdOf });
  let parse: Promise<ParseOutcome> | null = null;
  try {
    // The caller's answers, else what this distributor confirmed for this layout before.
    let mapping: Mapping | undefined = opts.mapping as Mapping | undefined;
    let kind: Kind | undefined = opts.kind;
    let dateOrder: DateOrder | undefined = opts.dateOrder;
    const confirmed = !!(opts.mapping || opts.kind || opts.dateOrder);
    let mappingSource: UploadAnswer["mappingSource"] = opts.mapping ? "confirmed" : null;
    const layout = await layoutOf(input.source, opts.period, resolver, opts.sheet, maxBytes);
    if (!opts.mapping && layout) {
      const saved = await run((db) => findSavedMapping(db, d.id, layout.signature));
      if (saved) {
        mapping = saved.columns;
        kind ??= saved.kind;
        dateOrder ??= saved.dateOrder;
        mappingSource = "remembered";
      }
    }

    let bytesRead = 0;
    parse = parseUpload({
      bytes: input.source, period: opts.period, resolvePart: resolver.resolvePart, mapping, kind, dateOrder, sheet: opts.sheet, maxBytes,
      duplicates: opts.duplicates, packSizes: opts.packSizes, packSize: resolver.packSizeOf,
      onPosLines: async (batch) => {
        await input.onPosLines?.(batch);
        await sink.push(batch);
      },
      onRestart: () => sink.reset(),
      split: splitInput(input, resolver, sink),
      onProgress: (p) => {
        bytesRead = p.bytesRead;
        input.onProgress?.(p);
      },
    });
    parse.catch(() => {}); // awaited below
    // The store transaction opens once no client is waited on: the body complete (Postgres, where the
    // COPY takes the rest while the parser runs) or the parse over (the embedded database).
    await Promise.race([prepared.streams ? (input.complete ?? Promise.resolve()) : parse, parse.then(() => undefined)]);

    return await run(async (tx) => {
      await assertPeriodOpen(tx, opts.period);
      if (opts.replaces) await discardUpload(tx, d.id, opts.replaces);
      let result: ParseOutcome;
      let staged: number;
      try {
        await sink.attach(tx);
        result = await parse!;
        staged = await sink.finish();
      } catch (e) {
        await sink.abort(e);
        throw e;
      }
      const sent = await checkSender(tx, d, result.sender);
      if (sent.verdict !== "ok") {
        if (sent.refuse) throw new AppError("validation_failed", `${sent.message}. Files from another distributor are refused (an admin setting); nothing was stored`, [{ path: "file", message: sent.message }], { reason: "other_sender" });
        result.warnings.unshift({ code: "sender", message: sent.message });
      }
      if (mappingSource === null && result.mapping) mappingSource = "suggested";
      const name = input.fileName ?? opts.fileName ?? null;
      let combinedWith: PartialUpload[] | undefined;
      let combinable: PartialUpload[] = [];
      if (!result.needs?.mapping) {
        if (opts.combine?.length) {
          const c = await combineWithEarlier(tx, d, opts.period, uploadId, name, result, opts.combine);
          combinedWith = c.combinedWith;
          staged += c.copiedLines;
        } else combinable = await combinableUploads(tx, d, opts.period, result);
      }
      if (result.kind === "summary" && result.lines.length > 0 && !result.needs?.mapping) {
        const absent = await findAbsentSkus(tx, d.id, opts.period, result.lines.map((l) => l.sku));
        if (absent.length > 0) result.needs = { ...result.needs, absentSkus: absent };
      }
      if (confirmed && result.headerSignature && (opts.mapping || result.mapping)) {
        await saveMapping(tx, viewer, d.id, result.headerSignature, { columns: (opts.mapping as Mapping | undefined) ?? result.mapping!, kind: opts.kind, dateOrder: opts.dateOrder });
      }
      const answer = toAnswer(result, {
        uploadId, period: opts.period, fileName: name, combinedWith, combinable, bytes: input.bytes ?? (input.source instanceof Uint8Array ? input.source.byteLength : input.size?.()) ?? bytesRead,
        posLines: staged, mappingSource, remembered: confirmed && !!result.headerSignature, resolver, layout,
      });
      await tx.insert(uploads).values({
        id: uploadId, distributorId: d.id, period: periodToDate(opts.period), fileName: answer.response.fileName ?? null,
        format: result.format, kind: result.kind, bytes: answer.response.bytes, rowsRead: result.rowsRead, rowsAccepted: result.rowsAccepted,
        result: answer.stored, createdBy: viewer.userId,
      });
      await recordAudit(tx, viewer, "upload.create", {
        distributorId: d.id,
        subject: `${d.code} ${opts.period} ${answer.response.fileName ?? "file"}`,
        data: { uploadId, format: result.format, kind: result.kind, rowsRead: result.rowsRead, rowsAccepted: result.rowsAccepted, posLines: staged },
      });
      return answer.response;
    });
  } catch (e) {
    input.abort?.(e);
    await parse?.catch(() => {}); // the parser (and its part reader) stopped before the caller deletes the file
    await sink.abort(e).catch(() => {});
    throw importErrorToApp(e);
  }
}

/** A large CSV's second half on a worker thread (`lib/imports/split/`), when the bytes can be read again by offset. */
function splitInput(input: IngestInput, resolver: DistributorResolver, sink: PosSink): SplitInput | undefined {
  const source = input.source instanceof Uint8Array ? input.source : input.file;
  const size = input.source instanceof Uint8Array ? input.source.byteLength : (input.bytes ?? input.size);
  if (source === undefined || size === undefined) return undefined;
  return {
    source, size, declared: input.declared, minBytes: env().SELLTHRU_SPLIT_UPLOAD_MB * 1024 * 1024, tables: resolver.tables, productIds: resolver.productIds,
    pushBlock: (bytes, lines, seq) => sink.pushBlock(bytes, lines, seq),
  };
}

/** Drops an earlier upload this one replaces, with its POS lines, unless a revision keeps it. */
async function discardUpload(tx: Queryable, distributorId: number, id: string): Promise<void> {
  const found = await firstRow(
    tx,
    sql`
      select u.id from uploads u
       where u.id = ${id}::uuid and u.distributor_id = ${distributorId}
         and not exists (select 1 from submission_revisions r where r.upload_id = u.id)
       for update`,
    (r) => ({ id: str(r.id) }),
  );
  if (!found) return;
  await tx.execute(sql`delete from pos_line_blocks where upload_id = ${id}::uuid`);
  await tx.execute(sql`delete from uploads where id = ${id}::uuid`);
}

async function readHead(source: Source, n: number): Promise<Buffer> {
  if (source instanceof Uint8Array) return Buffer.from(source.buffer, source.byteOffset, Math.min(n, source.byteLength));
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source()) {
    parts.push(Buffer.from(chunk));
    size += chunk.byteLength;
    if (size >= n) break;
  }
  return Buffer.concat(parts).subarray(0, n);
}

/**
 * The layout of a spreadsheet-like file from a cheap first look — the head of a text file (the header
 * sits in its first lines), the whole workbook for XLSX — through the parser's own probe. null for
 * X12 or an unreadable file (the real read says why).
 */
async function layoutOf(source: Source, period: string, resolver: DistributorResolver, sheet: string | undefined, maxBytes: number): Promise<Layout | null> {
  const head = await readHead(source, PROBE_BYTES);
  const container = detectContainer(head.subarray(0, 512));
  if (container !== "delimited" && container !== "xlsx") return null;
  const bytes = container === "xlsx" ? source : head.subarray(0, head.length & ~1);
  try {
    return await probeLayout({ bytes, period, resolvePart: resolver.resolvePart, sheet, maxBytes });
  } catch {
    return null;
  }
}
