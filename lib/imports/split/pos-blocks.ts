/**
 * The stored form of line-level POS (table `pos_line_blocks`, format 1): up to {@link BLOCK_LINES}
 * accepted lines per block, one text line per POS line, columns separated by tabs:
 *
 *   product id, source line, transfer type (none: a sales line — sell_through, or customer_return
 *   for a negative quantity), quantity, invoice date (YYYY-MM-DD), invoice,
 *   invoice line, unit price (≤ 4 decimals), end customer, ship-to city, ship-to state,
 *   ship-to country, distributor part
 *
 * Postgres's COPY text conventions: `\N` is none; backslash, tab, newline, carriage return (and NUL,
 * which Postgres text cannot hold) are escaped as `\\`, `\t`, `\n`, `\r`, `\0`. Pure: no database —
 * {@link CopyTextWriter} writes straight into bytes, {@link decodePosBlock} reads a block back.
 */
import type { ResolvedPosLine } from "../types";

/** Lines per block: ~400 KB of text for typical POS lines; a million lines are ~250 blocks. */
export const BLOCK_LINES = 4096;
export const BLOCK_FORMAT = 1;

/** The part number as the distributor wrote it, when it is not our SKU itself. */
export function distributorPartOf(l: ResolvedPosLine): string | null {
  const ids = l.identifiers;
  if (ids.distributorPart) return ids.distributorPart;
  if (ids.sku && ids.sku !== l.sku && ids.sku.trim().toUpperCase() !== l.sku.toUpperCase()) return ids.sku;
  return ids.upc ?? null;
}

/** X12 867 keeps its PTD code (SS, RV, …); spreadsheet lines are named by movement. */
export const transferTypeOf = (l: ResolvedPosLine) => l.transferType ?? salesTypeOf(l.quantity, l.movement);

/** A spreadsheet's sales line: sold, or an end customer's return when the quantity is negative. */
const salesTypeOf = (quantity: number, movement = "sell_through") => (movement === "sell_through" && quantity < 0 ? "customer_return" : movement);

/** Stored as none: a sales line whose type follows from its quantity (one in nine bytes of a block). */
const storedTypeOf = (l: ResolvedPosLine) => (l.transferType === undefined && l.movement === "sell_through" ? null : transferTypeOf(l));

/** COPY text format: \N is null; backslash, tab, newline and carriage return are escaped. */
export function copyText(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === "") return "\\N";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "\\N";
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\0/g, "\\0");
}

/** Per ASCII code: 0 — written as it is; else the letter written after a backslash (`\\`, `\t`…). */
const ESCAPED = new Uint8Array(128);
ESCAPED[92] = 92;
ESCAPED[9] = 116;
ESCAPED[10] = 110;
ESCAPED[13] = 114;
ESCAPED[0] = 48;
const PLAIN = new Uint8Array(128);

/** Writes `v` at `pos` (escaped, or as it is), returns the next position; room for 3 bytes per character is the caller's. */
function putText(buf: Buffer, pos: number, v: string, escape: boolean): number {
  const table = escape ? ESCAPED : PLAIN;
  for (let i = 0, n = v.length; i < n; i++) {
    const c = v.charCodeAt(i);
    // 0: an ASCII character as it is; 1: not ASCII; else the letter after a backslash.
    const e = c < 128 ? table[c]! : 1;
    if (e === 0) buf[pos++] = c;
    else if (e === 1) {
      // Other characters: the rest of the field as UTF-8.
      const rest = v.slice(i);
      return pos + buf.write(escape ? copyText(rest) : rest, pos, "utf8");
    } else {
      buf[pos++] = 92;
      buf[pos++] = e;
    }
  }
  return pos;
}

/** `\N`, or the text escaped. */
function putStr(buf: Buffer, pos: number, v: string | null | undefined): number {
  if (v === null || v === undefined || v === "") {
    buf[pos] = 92;
    buf[pos + 1] = 78;
    return pos + 2;
  }
  return putText(buf, pos, v, true);
}

/** A text column and the tab after it. */
function cell(buf: Buffer, pos: number, v: string | null | undefined): number {
  pos = putStr(buf, pos, v);
  buf[pos] = 9;
  return pos + 1;
}

/** A number: whole numbers digit by digit (no string built); others as `String(n)`. Room for 24 bytes is the caller's. */
function putNum(buf: Buffer, pos: number, n: number): number {
  if (!Number.isFinite(n)) return putStr(buf, pos, null);
  if (!Number.isInteger(n) || n <= -2_147_483_648 || n >= 2_147_483_648) return putText(buf, pos, String(n), false);
  let m = n;
  if (m < 0) {
    buf[pos++] = 45;
    m = -m;
  }
  const start = pos;
  do {
    buf[pos++] = 48 + (m % 10);
    m = (m / 10) | 0;
  } while (m > 0);
  for (let i = start, j = pos - 1; i < j; i++, j--) {
    const c = buf[i]!;
    buf[i] = buf[j]!;
    buf[j] = c;
  }
  return pos;
}

/** A price rounded to 4 decimals, trailing zeros dropped: the text of `String(storedPrice(v))`. Room for 32 bytes is the caller's. */
function putPrice(buf: Buffer, pos: number, v: number | null | undefined): number {
  if (v === null || v === undefined || !Number.isFinite(v)) return putStr(buf, pos, null);
  const scaled = Math.round(v * 10_000);
  if (!Number.isSafeInteger(scaled) || Math.abs(scaled) >= 2_147_483_648 * 10_000) return putText(buf, pos, String(storedPrice(v)), false);
  const abs = Math.abs(scaled);
  if (scaled < 0) buf[pos++] = 45;
  pos = putNum(buf, pos, Math.floor(abs / 10_000));
  let frac = abs % 10_000;
  if (frac === 0) return pos;
  let digits = 4;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  buf[pos++] = 46;
  for (let i = digits - 1; i >= 0; i--) {
    buf[pos + i] = 48 + (frac % 10);
    frac = Math.floor(frac / 10);
  }
  return pos + digits;
}

/**
 * Stored text written straight into bytes: a million lines as strings meant ~30 string pieces per
 * line for the collector, then a UTF-8 encoding pass; here ASCII goes byte by byte (escaping on the
 * way) and only a field with other characters goes through `Buffer.write`. Same output as joining
 * {@link copyText} of each column with tabs.
 */
export class CopyTextWriter {
  buf: Buffer;
  pos = 0;

  constructor(capacity = 256 * 1024) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Hands out the bytes written so far and starts a new buffer (the stream may hold the old one). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(this.buf.length, 64 * 1024));
    this.pos = 0;
    return out;
  }

  /** Room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}

/** A price as stored: rounded to 4 decimals (what the column held before blocks: numeric(14,4)). */
export function storedPrice(v: number | undefined): number | null {
  if (v === undefined || !Number.isFinite(v)) return null;
  return Math.round(v * 10_000) / 10_000;
}

const len = (v: string | null | undefined) => (v ? v.length : 0);

/**
 * One POS line; `prefix` holds its first column (the product id) and a tab. Written in one pass
 * with room made once (3 bytes per character covers escapes and UTF-8): this runs a million times.
 */
export function writePosLine(w: CopyTextWriter, prefix: Uint8Array, l: ResolvedPosLine): void {
  const type = storedTypeOf(l);
  const part = distributorPartOf(l);
  const chars = len(type) + len(l.date) + len(l.invoice) + len(l.invoiceLine) + len(l.endCustomer) + len(l.shipToCity) + len(l.shipToState) + len(l.shipToCountry) + len(part);
  w.ensure(prefix.length + 3 * chars + 160);
  const buf = w.buf;
  buf.set(prefix, w.pos);
  let pos = putNum(buf, w.pos + prefix.length, l.line);
  buf[pos++] = 9;
  pos = cell(buf, pos, type);
  pos = putNum(buf, pos, l.quantity);
  buf[pos++] = 9;
  pos = cell(buf, pos, l.date);
  pos = cell(buf, pos, l.invoice);
  pos = cell(buf, pos, l.invoiceLine);
  pos = putPrice(buf, pos, l.unitPrice);
  buf[pos++] = 9;
  pos = cell(buf, pos, l.endCustomer);
  pos = cell(buf, pos, l.shipToCity);
  pos = cell(buf, pos, l.shipToState);
  pos = cell(buf, pos, l.shipToCountry);
  pos = putStr(buf, pos, part);
  buf[pos++] = 10;
  w.pos = pos;
}

/**
 * Fills blocks of accepted POS lines: `add` a line (its SKU is looked up as a product id once per
 * SKU) until it answers true — the block is full — then `take` it.
 */
export class PosBlockBuilder {
  private readonly writer = new CopyTextWriter(512 * 1024);
  private readonly prefixes = new Map<string, Uint8Array>();
  /** Lines in the block being filled. */
  lines = 0;

  constructor(private readonly productIdOf: (sku: string) => number | undefined) {}

  /** False when the SKU has no product id (cannot happen: the resolver only answers catalogue SKUs). */
  add(l: ResolvedPosLine): boolean {
    let prefix = this.prefixes.get(l.sku);
    if (prefix === undefined) {
      const id = this.productIdOf(l.sku);
      if (id === undefined) return false;
      this.prefixes.set(l.sku, (prefix = Buffer.from(`${id}\t`)));
    }
    writePosLine(this.writer, prefix, l);
    this.lines++;
    return true;
  }

  get full(): boolean {
    return this.lines >= BLOCK_LINES;
  }

  /** The block's bytes (UTF-8 text) and line count; starts the next block. */
  take(): { bytes: Buffer; lines: number } {
    const block = { bytes: this.writer.take(), lines: this.lines };
    this.lines = 0;
    return block;
  }

  /** Forgets the block being filled. */
  clear(): void {
    this.writer.take();
    this.lines = 0;
  }
}

/** A stored line, as the API shows it (`sku` from the product id). */
export interface PosLineOut {
  sku: string;
  quantity: number;
  invoiceDate: string | null;
  invoice: string | null;
  invoiceLine: string | null;
  unitPrice: string | null;
  endCustomer: string | null;
  shipToCity: string | null;
  shipToState: string | null;
  shipToCountry: string | null;
  transferType: string;
  distributorPart: string | null;
  sourceLine: number;
}

const UNESCAPE: Record<string, string> = { "\\": "\\", t: "\t", n: "\n", r: "\r", "0": "\0" };

function field(s: string): string | null {
  if (s === "\\N") return null;
  return s.includes("\\") ? s.replace(/\\(.)/g, (_m, c: string) => UNESCAPE[c] ?? c) : s;
}

/** The product ids a block names (to look up their SKUs before {@link decodePosBlock}). */
export function productIdsOf(block: string): Set<number> {
  const ids = new Set<number>();
  for (let i = 0; i < block.length; ) {
    const tab = block.indexOf("\t", i);
    if (tab < 0) break;
    ids.add(Number(block.slice(i, tab)));
    const nl = block.indexOf("\n", tab);
    i = nl < 0 ? block.length : nl + 1;
  }
  return ids;
}

/** A block's lines; a product id `skuOf` does not know is an error (products are never deleted). */
export function decodePosBlock(block: string, skuOf: (productId: number) => string | undefined): PosLineOut[] {
  const out: PosLineOut[] = [];
  for (const line of block.split("\n")) {
    if (line === "") continue;
    const f = line.split("\t");
    if (f.length !== 13) throw new Error(`A stored POS line has ${f.length} columns, not 13`);
    const sku = skuOf(Number(f[0]));
    if (sku === undefined) throw new Error(`A stored POS line names product ${f[0]}, which does not exist`);
    out.push({
      sku,
      sourceLine: Number(f[1]),
      transferType: field(f[2]!) ?? salesTypeOf(Number(f[3])),
      quantity: Number(f[3]),
      invoiceDate: field(f[4]!),
      invoice: field(f[5]!),
      invoiceLine: field(f[6]!),
      unitPrice: field(f[7]!),
      endCustomer: field(f[8]!),
      shipToCity: field(f[9]!),
      shipToState: field(f[10]!),
      shipToCountry: field(f[11]!),
      distributorPart: field(f[12]!),
    });
  }
  return out;
}
