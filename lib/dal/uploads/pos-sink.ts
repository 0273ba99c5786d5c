/**
 * Stores an upload's accepted POS lines in `pos_line_blocks`.
 *
 * The parser hands batches of 1,000; they are written as bytes (format: `lib/imports/split/pos-blocks.ts`)
 * and every 4,096 lines become one row; a file's later part, read on another thread, arrives as
 * finished blocks (`pushBlock`). Until the upload's store transaction is open (`attach`), blocks are
 * held (`held-blocks.ts`: memory, then a temp file): no transaction waits on a client still sending.
 * Once attached, held blocks go first, then the rest as they come. Nothing is visible before that
 * transaction commits.
 * - Postgres (postgres.js): ONE `COPY … FROM STDIN (FORMAT binary)` per pass — a block's bytes go
 *   to the socket as they are (no text conversion, no escaping); the parser goes on while Postgres
 *   stores earlier blocks, and a full socket makes `push` wait (bounded memory).
 * - PGlite (no COPY from a client stream): one INSERT per block, up to {@link IN_FLIGHT} in flight.
 */
import type { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { copyClient, type CopyClient } from "@/db/copy-client";
import { forbidden } from "@/lib/errors";
import type { ResolvedPosLine } from "@/lib/imports";
import { BLOCK_FORMAT, PosBlockBuilder } from "@/lib/imports/split";
import { bool, firstRow } from "@/db/sql-rows";
import { HeldBlocks } from "./held-blocks";

export interface PosSink {
  push(batch: ResolvedPosLine[]): void | Promise<void>;
  /**
   * A block written elsewhere (the later part of a file read on another thread): stored after this
   * sink's own blocks (`block_no` from {@link LATER_PART_BLOCKS}), in `seq` order.
   */
  pushBlock(bytes: Uint8Array, lines: number, seq: number): Promise<void>;
  /** The store transaction is open: held blocks go to it, and every later one. */
  attach(tx: Queryable): Promise<void>;
  readonly attached: boolean;
  /** The parser reads the file again (a late row decided the date order): forget what was stored. */
  reset(): Promise<void>;
  /** Flushes (attached); returns how many lines were stored. */
  finish(): Promise<number>;
  /** The upload failed: stop a running COPY / wait for the inserts so the transaction can roll back; drop held blocks. */
  abort(error: unknown): Promise<void>;
}

export interface SinkContext {
  uploadId: string;
  distributorId: number;
  productIdOf: (sku: string) => number | undefined;
}

/** Block numbers of a file's later part start here (readers order by block number). */
export const LATER_PART_BLOCKS = 1_000_000_000;
/** PGlite: INSERTs sent and not yet answered before `push` waits. */
const IN_FLIGHT = 2;

/** Where blocks go: COPY (Postgres) or INSERTs (PGlite). */
interface BlockStore {
  put(blockNo: number, bytes: Uint8Array, lines: number): Promise<void>;
  /** All sent blocks stored (the COPY ended). */
  flush(): Promise<void>;
  abort(error: unknown): Promise<void>;
}

export function createPosSink(ctx: SinkContext): PosSink {
  const held = new HeldBlocks();
  let store: BlockStore | null = null;
  let tx: Queryable | null = null;
  let attaching: Promise<void> | null = null;
  const builder = new PosBlockBuilder(ctx.productIdOf);
  let stored = 0;
  let blockNo = 0;
  const put = (no: number, bytes: Uint8Array, lines: number) => (store ? store.put(no, bytes, lines) : held.add(no, bytes, lines));
  const send = async () => {
    if (builder.lines === 0) return;
    const block = builder.take();
    await put(blockNo++, block.bytes, block.lines);
  };
  return {
    get attached() {
      return store !== null;
    },
    async push(batch) {
      for (const l of batch) {
        if (builder.add(l)) stored++;
        if (builder.full) await send();
      }
    },
    async pushBlock(bytes, lines, seq) {
      stored += lines;
      await put(LATER_PART_BLOCKS + seq, bytes, lines);
    },
    attach(t) {
      tx = t;
      const raw = copyClient(t);
      const s = raw ? copyStore(t, raw, ctx) : insertStore(t, ctx);
      attaching = (async () => {
        // Blocks that come while the held ones are sent are held too: drain until none is left.
        while (held.count > 0) await held.drain((no, bytes, lines) => s.put(no, bytes, lines));
        store = s;
      })();
      return attaching;
    },
    async reset() {
      await attaching?.catch(() => {});
      builder.clear();
      blockNo = 0;
      stored = 0;
      await held.clear();
      if (store && tx) {
        await store.flush();
        await tx.execute(sql`delete from pos_line_blocks where upload_id = ${ctx.uploadId}::uuid`);
      }
    },
    async finish() {
      await send();
      await store?.flush();
      return stored;
    },
    async abort(error) {
      await attaching?.catch(() => {});
      await held.clear();
      await store?.abort(error);
    },
  };
}

/** A sink attached to `tx` from the start (everything at hand: nothing to hold). */
export async function openPosSink(tx: Queryable, ctx: SinkContext): Promise<PosSink> {
  const sink = createPosSink(ctx);
  await sink.attach(tx);
  return sink;
}

// ---- COPY (FORMAT binary) on postgres.js --------------------------------------------------------

type PgJsLike = CopyClient;

/** True where blocks go through COPY (postgres.js): the store may take them while the parser runs. */
export function streamsToStore(q: Queryable): boolean {
  return copyClient(q) !== null;
}

const COPY_SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
const COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** A row's fields before its text, in COPY's binary format: upload (uuid), block, distributor, format, lines. */
function binaryRowHead(uploadId: Buffer, blockNo: number, distributorId: number, lines: number, textBytes: number): Buffer {
  const b = Buffer.allocUnsafe(2 + 4 + 16 + 4 * 2 * 4 + 4);
  let o = b.writeInt16BE(6, 0);
  o = b.writeInt32BE(16, o);
  o += uploadId.copy(b, o);
  for (const v of [blockNo, distributorId, BLOCK_FORMAT, lines]) o = b.writeInt32BE(v, b.writeInt32BE(4, o));
  b.writeInt32BE(textBytes, o);
  return b;
}

function copyStore(tx: Queryable, raw: PgJsLike, ctx: SinkContext): BlockStore {
  const uploadId = Buffer.from(ctx.uploadId.replace(/-/g, ""), "hex");
  let stream: Writable | null = null;
  let opening: Promise<Writable> | null = null;
  let finished: Promise<void> | null = null;
  let failure: Error | null = null;

  // Postgres refuses COPY FROM into a table under row-level security ("COPY FROM not supported with
  // row-level security"), and the app's login role is subject to it (it neither owns the tables nor
  // bypasses RLS: README, Security). So under RLS the COPY goes into a temporary table of this
  // session, and one INSERT … SELECT moves the blocks into pos_line_blocks — through the policy,
  // which checks each row's distributor again. Checked here first for a clear 403.
  let target = "pos_line_blocks";
  const enterCopy = async () => {
    const r = await firstRow(
      tx,
      sql`select row_security_active('pos_line_blocks') as rls,
        coalesce((select sellthru_is_staff()) or (select sellthru_tenant()) = ${ctx.distributorId}::int, false) as allowed`,
      (x) => ({ rls: bool(x.rls), allowed: bool(x.allowed) }),
    );
    if (!r?.rls) return; // a superuser or owner without FORCE: no RLS to go through
    if (!r.allowed) throw forbidden();
    await tx.execute(sql`create temp table if not exists sellthru_pos_blocks_in
      (like pos_line_blocks including defaults including compression) on commit delete rows`);
    target = "pg_temp.sellthru_pos_blocks_in";
  };
  const leaveCopy = async () => {
    if (target === "pos_line_blocks") return;
    target = "pos_line_blocks";
    await tx.execute(sql`insert into pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
      select upload_id, block_no, distributor_id, format, line_count, lines from pg_temp.sellthru_pos_blocks_in`);
    await tx.execute(sql`truncate pg_temp.sellthru_pos_blocks_in`);
  };
  const open = async (): Promise<Writable> => {
    await enterCopy();
    const w = await raw
      .unsafe(`copy ${target} (upload_id, block_no, distributor_id, format, line_count, lines) from stdin (format binary)`)
      .writable();
    failure = null;
    finished = new Promise<void>((resolve, reject) => {
      w.on("finish", resolve);
      w.on("error", (e: Error) => {
        failure = e;
        reject(e);
      });
    });
    finished.catch(() => {}); // surfaced by put/flush
    w.write(COPY_SIGNATURE);
    stream = w;
    return w;
  };
  const drained = (w: Writable) =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        w.off("drain", done);
        w.off("error", fail);
        resolve();
      };
      const fail = (e: Error) => {
        w.off("drain", done);
        reject(e);
      };
      w.on("drain", done);
      w.on("error", fail);
    });

  return {
    async put(blockNo, bytes, lines) {
      if (failure) throw failure;
      const w = stream ?? (await (opening ??= open()));
      w.write(binaryRowHead(uploadId, blockNo, ctx.distributorId, lines, bytes.byteLength));
      if (!w.write(bytes)) await drained(w);
    },
    async flush() {
      if (opening) await opening.catch(() => {});
      const w = stream;
      stream = null;
      opening = null;
      if (w) {
        w.end(COPY_TRAILER);
        await finished;
        await leaveCopy();
      }
      if (failure) throw failure;
    },
    async abort(error) {
      if (opening) await opening.catch(() => {});
      const w = stream;
      stream = null;
      opening = null;
      if (!w) return;
      w.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished?.catch(() => {});
    },
  };
}

// ---- INSERT per block (PGlite) -------------------------------------------------------------------

function insertStore(tx: Queryable, ctx: SinkContext): BlockStore {
  let failure: unknown = null;
  const inFlight: Promise<unknown>[] = [];
  const drain = async (keep: number) => {
    while (inFlight.length > keep) await inFlight.shift()!.catch(() => {});
    if (failure) throw failure;
  };
  return {
    async put(blockNo, bytes, lines) {
      if (failure) throw failure;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
      // Promise.resolve: drizzle's query is a lazy thenable that would run again on every `then`.
      const p = Promise.resolve(tx.execute(sql`
        insert into pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
        values (${ctx.uploadId}::uuid, ${blockNo}, ${ctx.distributorId}, ${BLOCK_FORMAT}, ${lines}, ${text})`));
      p.catch((e: unknown) => (failure ??= e));
      inFlight.push(p);
      if (inFlight.length > IN_FLIGHT) await drain(IN_FLIGHT);
    },
    flush: () => drain(0),
    abort: () => drain(0).catch(() => {}),
  };
}
