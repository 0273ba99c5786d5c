/**
 * POS line blocks built before the upload's store transaction is open (while the body still arrives,
 * or — on the embedded database — until the parse is over): kept in memory up to
 * {@link MEMORY_BYTES}, beyond that appended to a temp file beside the spooled upload, and handed to
 * the store in the order they came (`drain`). Bounded memory however slowly the client sends.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { SPOOL_DIR } from "@/lib/http/receive-body";

const MEMORY_BYTES = 16 * 1024 * 1024;

interface Held {
  blockNo: number;
  lines: number;
  bytes?: Uint8Array;
  /** Where the block is in the spill file, and its write. */
  at?: number;
  written?: Promise<unknown>;
  size: number;
}

export type PutBlock = (blockNo: number, bytes: Uint8Array, lines: number) => Promise<void>;

export class HeldBlocks {
  private held: Held[] = [];
  private inMemory = 0;
  private spill: { path: string; fd: number; size: number } | null = null;

  get count(): number {
    return this.held.length;
  }

  /** Holds a block; counted at once (synchronously), written to the spill file when memory is full. */
  async add(blockNo: number, bytes: Uint8Array, lines: number): Promise<void> {
    if (this.inMemory + bytes.byteLength <= MEMORY_BYTES) {
      this.held.push({ blockNo, lines, bytes, size: bytes.byteLength });
      this.inMemory += bytes.byteLength;
      return;
    }
    if (!this.spill) {
      fs.mkdirSync(SPOOL_DIR(), { recursive: true, mode: 0o700 });
      const file = path.join(SPOOL_DIR(), `${process.pid}-${randomUUID()}.blocks`);
      this.spill = { path: file, fd: fs.openSync(file, "wx+", 0o600), size: 0 };
    }
    const spill = this.spill;
    const at = spill.size;
    spill.size += bytes.byteLength;
    const written = new Promise<void>((resolve, reject) => fs.write(spill.fd, bytes, 0, bytes.byteLength, at, (e) => (e ? reject(e) : resolve())));
    this.held.push({ blockNo, lines, at, written, size: bytes.byteLength });
    await written;
  }

  /** Hands every block held now to `put`, in order, and forgets them (blocks added meanwhile stay held). */
  async drain(put: PutBlock): Promise<void> {
    const held = this.held;
    const spill = this.spill;
    this.held = [];
    this.inMemory = 0;
    this.spill = null;
    try {
      for (const h of held) {
        let bytes = h.bytes;
        if (!bytes) {
          await h.written;
          const buf = Buffer.allocUnsafe(h.size);
          await new Promise<void>((resolve, reject) => fs.read(spill!.fd, buf, 0, h.size, h.at!, (e) => (e ? reject(e) : resolve())));
          bytes = buf;
        }
        await put(h.blockNo, bytes, h.lines);
      }
    } finally {
      if (spill) await dropSpill(spill, held);
    }
  }

  /** Forgets every held block and deletes the spill file. */
  async clear(): Promise<void> {
    const held = this.held;
    this.held = [];
    this.inMemory = 0;
    const spill = this.spill;
    this.spill = null;
    if (spill) await dropSpill(spill, held);
  }
}

async function dropSpill(spill: { path: string; fd: number }, held: Held[]): Promise<void> {
  await Promise.all(held.map((h) => h.written?.catch(() => {})));
  await new Promise<void>((resolve) => fs.close(spill.fd, () => resolve()));
  await fs.promises.rm(spill.path, { force: true });
}
