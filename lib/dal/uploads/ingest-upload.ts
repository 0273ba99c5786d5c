/**
 * `ingestUpload(db, viewer, { options, source, bytes?, fileName?, maxBytes? })` → `UploadAnswer`
 *
 * Reads a distributor's file (CSV/TSV, XLSX, X12 852/867) for one period with the pure parser
 * (`lib/imports`), resolving parts through the database (our SKUs, the distributor's cross-reference,
 * UPC/GTINs) and stores, in ONE transaction, the `uploads` row (counts and the answer) and every
 * accepted POS line in `pos_line_blocks` (streamed, 4,096 lines per row). A failure anywhere — a corrupt file,
 * a crash half-way — rolls everything back: no upload row, no POS line. Parsing submits nothing; a
 * later submission names the upload (`uploadId`) to keep its POS lines with that revision.
 *
 * Column mappings: a mapping the caller sends (`options.mapping`, and/or `kind` / `dateOrder`) is a
 * confirmation and is remembered for the file's header signature; without one, a remembered
 * mapping for the signature is applied automatically (a cheap probe of the file's head finds the
 * signature first), else the parser's suggestion is used and `needs.mapping` asks when unsure.
 *
 * `source` must be re-readable (a Buffer or a factory that reopens a spooled file): the probe and a
 * late date-order decision read it again.
 *
 * Errors (AppError): 403 staff; 400 `validation_failed` for bad options or a corrupt / unsupported /
 * empty file (the parser's message); 413 `payload_too_large`.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { uploads } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/config/env";
import { periodToDate } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";
import {
  detectContainer,
  isImportError,
  parseUpload,
  type DateOrder,
  type Kind,
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
import { asRows } from "../sql-rows";
import { openPosSink, type PosSink } from "./pos-sink";
import { toAnswer, type Layout, type UploadAnswer } from "./answer";

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

export async function ingestUpload(db: Queryable, viewer: Viewer, input: IngestInput): Promise<UploadAnswer> {
  requireRole(viewer, ["distributor"]);
  const parsed = uploadOptionsSchema.safeParse(input.options ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("validation_failed", `${issues[0]?.path ? `${issues[0].path}: ` : ""}${issues[0]?.message ?? "Not valid"}; nothing was stored`, issues);
  }
  const opts = parsed.data;
  const d = await resolveDistributor(db, viewer);
  const maxBytes = input.maxBytes ?? maxUploadBytes();
  const resolver = await loadPartResolver(db, d.id);

  try {
    // The caller's answers, else what this distributor confirmed for this layout before.
    let mapping: Mapping | undefined = opts.mapping as Mapping | undefined;
    let kind: Kind | undefined = opts.kind;
    let dateOrder: DateOrder | undefined = opts.dateOrder;
    const confirmed = !!(opts.mapping || opts.kind || opts.dateOrder);
    let mappingSource: UploadAnswer["mappingSource"] = opts.mapping ? "confirmed" : null;
    const layout = await probeLayout(input.source, opts.period, resolver, opts.sheet, maxBytes);
    if (!opts.mapping) {
      const saved = layout ? await findSavedMapping(db, d.id, layout.signature) : null;
      if (saved) {
        mapping = saved.columns;
        kind ??= saved.kind;
        dateOrder ??= saved.dateOrder;
        mappingSource = "remembered";
      }
    }

    const uploadId = randomUUID();
    return await db.transaction(async (tx) => {
      if (opts.replaces) await discardUpload(tx, d.id, opts.replaces);
      await tx.insert(uploads).values({
        id: uploadId, distributorId: d.id, period: periodToDate(opts.period), fileName: input.fileName ?? opts.fileName ?? null,
        format: "pending", kind: "pending", bytes: input.bytes ?? 0, rowsRead: 0, rowsAccepted: 0, result: {}, createdBy: viewer.userId,
      });
      const sink = await openPosSink(tx, { uploadId, distributorId: d.id, productIdOf: resolver.productIdOf });
      let result: ParseOutcome;
      let staged: number;
      let bytesRead = 0;
      try {
        result = await parseUpload({
          bytes: input.source, period: opts.period, resolvePart: resolver.resolvePart, mapping, kind, dateOrder, sheet: opts.sheet, maxBytes,
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
        staged = await sink.finish();
      } catch (e) {
        await sink.abort(e);
        throw e;
      }
      if (mappingSource === null && result.mapping) mappingSource = "suggested";
      if (confirmed && result.headerSignature && (opts.mapping || result.mapping)) {
        await saveMapping(tx, viewer, d.id, result.headerSignature, { columns: (opts.mapping as Mapping | undefined) ?? result.mapping!, kind: opts.kind, dateOrder: opts.dateOrder });
      }
      const answer = toAnswer(result, {
        uploadId, period: opts.period, fileName: input.fileName ?? opts.fileName ?? null, bytes: input.bytes ?? bytesRead,
        posLines: staged, mappingSource, remembered: confirmed && !!result.headerSignature, resolver, layout,
      });
      await tx
        .update(uploads)
        .set({ format: result.format, kind: result.kind, bytes: answer.response.bytes, rowsRead: result.rowsRead, rowsAccepted: result.rowsAccepted, result: answer.stored })
        .where(eq(uploads.id, uploadId));
      await recordAudit(tx, viewer, "upload.create", {
        distributorId: d.id,
        subject: `${d.code} ${opts.period} ${answer.response.fileName ?? "file"}`,
        data: { uploadId, format: result.format, kind: result.kind, rowsRead: result.rowsRead, rowsAccepted: result.rowsAccepted, posLines: staged },
      });
      return answer.response;
    });
  } catch (e) {
    throw importErrorToApp(e);
  }
}

/** A large CSV's second half on a worker thread (`lib/imports/csv-split.ts`), when the bytes can be read again by offset. */
function splitInput(input: IngestInput, resolver: DistributorResolver, sink: PosSink): SplitInput | undefined {
  const source = input.source instanceof Uint8Array ? input.source : input.file;
  const size = input.source instanceof Uint8Array ? input.source.byteLength : input.bytes;
  if (source === undefined || size === undefined) return undefined;
  return {
    source, size, minBytes: env().SELLTHRU_SPLIT_UPLOAD_MB * 1024 * 1024, tables: resolver.tables, productIds: resolver.productIds,
    pushBlock: (bytes, lines, seq) => sink.pushBlock(bytes, lines, seq),
  };
}

/** Drops an earlier upload this one replaces, with its POS lines, unless a revision keeps it. */
async function discardUpload(tx: Queryable, distributorId: number, id: string): Promise<void> {
  const rows = asRows<{ id: string }>(
    await tx.execute(sql`
      select u.id from uploads u
       where u.id = ${id}::uuid and u.distributor_id = ${distributorId}
         and not exists (select 1 from submission_revisions r where r.upload_id = u.id)
       for update`),
  );
  if (!rows.length) return;
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
 * sits in its first lines), the whole workbook for XLSX: its header, signature, the suggested mapping
 * and the first rows. A deliberately unusable mapping makes the parser stop right after the header
 * with its preview instead of converting rows. null for X12 or an unreadable file (the real read says why).
 */
async function probeLayout(source: Source, period: string, resolver: DistributorResolver, sheet: string | undefined, maxBytes: number): Promise<Layout | null> {
  const head = await readHead(source, PROBE_BYTES);
  const container = detectContainer(head.subarray(0, 512));
  if (container !== "delimited" && container !== "xlsx") return null;
  const bytes = container === "xlsx" ? source : head.subarray(0, head.length & ~1);
  try {
    const probe = await parseUpload({ bytes, period, resolvePart: resolver.resolvePart, sheet, maxBytes, mapping: { 0: null }, onPosLines: () => {} });
    if (!probe.headerSignature || !probe.needs?.headers) return null;
    return {
      signature: probe.headerSignature,
      headers: probe.needs.headers,
      preview: probe.needs.preview ?? [],
      suggested: probe.needs.suggested ?? {},
      confidence: probe.needs.confidence ?? {},
    };
  } catch {
    return null;
  }
}
