/**
 * Stores an upload's accepted POS lines in `pos_line_blocks`, inside the upload's transaction.
 *
 * The parser hands batches of 1,000; they are written as bytes (format: `pos-blocks.ts`) and every
 * 4,096 lines (`BLOCK_LINES`) become one row. Inserts are not awaited one by one: up to
 * {@link IN_FLIGHT} blocks travel while the parser goes on reading, and `push` waits only when more
 * are pending (bounded memory). Same code on Postgres and PGlite; nothing is visible before the
 * transaction commits. A plain INSERT is allowed under row-level security (COPY FROM is not), so the
 * policy itself checks that the blocks are the viewer's own.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { ResolvedPosLine } from "@/lib/imports";
import { BLOCK_FORMAT, PosBlockBuilder } from "@/lib/imports/pos-blocks";

export interface PosSink {
  push(batch: ResolvedPosLine[]): void | Promise<void>;
  /**
   * A block written elsewhere (the later part of a file read on another thread): stored after this
   * sink's own blocks (`block_no` from {@link LATER_PART_BLOCKS}), in `seq` order.
   */
  pushBlock(text: string, lines: number, seq: number): Promise<void>;
  /** The parser reads the file again (a late row decided the date order): forget what was stored. */
  reset(): Promise<void>;
  /** Flushes; returns how many lines were stored. */
  finish(): Promise<number>;
  /** The upload failed: wait for the blocks in flight so the transaction can roll back. */
  abort(error: unknown): Promise<void>;
}

export interface SinkContext {
  uploadId: string;
  distributorId: number;
  productIdOf: (sku: string) => number | undefined;
}

/** Blocks sent and not yet acknowledged before `push` waits. */
const IN_FLIGHT = 2;
/** Block numbers of a file's later part start here (readers order by block number). */
export const LATER_PART_BLOCKS = 1_000_000_000;

export async function openPosSink(tx: Queryable, ctx: SinkContext): Promise<PosSink> {
  let stored = 0;
  let blockNo = 0;
  let failure: unknown = null;
  const inFlight: Promise<unknown>[] = [];
  const builder = new PosBlockBuilder(ctx.productIdOf);

  const insert = (no: number, count: number, lines: string) => {
    // Promise.resolve: drizzle's query is a lazy thenable that would run again on every `then`.
    const p = Promise.resolve(tx.execute(sql`
      insert into pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
      values (${ctx.uploadId}::uuid, ${no}, ${ctx.distributorId}, ${BLOCK_FORMAT}, ${count}, ${lines})`));
    p.catch((e: unknown) => (failure ??= e));
    inFlight.push(p);
    return p;
  };
  const send = () => {
    if (builder.lines === 0) return;
    const block = builder.take();
    insert(blockNo++, block.lines, block.text);
  };
  const drain = async (keep: number) => {
    while (inFlight.length > keep) await inFlight.shift()!.catch(() => {});
    if (failure) throw failure;
  };

  return {
    async push(batch) {
      if (failure) throw failure;
      for (const l of batch) {
        if (builder.add(l)) stored++;
        if (builder.full) send();
      }
      if (inFlight.length > IN_FLIGHT) await drain(IN_FLIGHT);
    },
    async pushBlock(text, lines, seq) {
      if (failure) throw failure;
      stored += lines;
      await insert(LATER_PART_BLOCKS + seq, lines, text);
    },
    async reset() {
      await drain(0);
      builder.clear();
      blockNo = 0;
      stored = 0;
      await tx.execute(sql`delete from pos_line_blocks where upload_id = ${ctx.uploadId}::uuid`);
    },
    async finish() {
      send();
      await drain(0);
      return stored;
    },
    async abort() {
      await drain(0).catch(() => {});
    },
  };
}
