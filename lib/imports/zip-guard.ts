/**
 * Zip-bomb guard for XLSX. A ZIP can be read two ways: through its central directory (what we
 * check) or by walking the local entries from the start (what exceljs's streaming reader does). An
 * entry left out of the directory, or a local header that says something else than the directory,
 * would let the reader inflate bytes the guard never saw. So:
 *
 * 1. `inspectZip` reads the directory (entry count, declared sizes, compression ratio, duplicate
 *    names) and then walks the local entries: each must match its directory record, and together
 *    they must cover every byte before the directory — nothing hidden between or inside them.
 * 2. `verifyEntries` inflates every entry once into nothing, counting the bytes as they stream and
 *    aborting as soon as one passes its declared size (and so the total cap).
 * 3. `normalizedZip` hands the reader a fresh archive built only from the verified entries (new local
 *    headers with exact sizes, no data descriptors), with the workbook's relations, the workbook and
 *    its shared strings first: the reader then never meets anything unverified, and never needs to
 *    park a sheet in a temporary file while it waits for the shared strings.
 */
import zlib from "node:zlib";
import { ImportError } from "./errors";

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressed: number;
  /** Uncompressed ÷ compressed, per entry (entries under 1 MiB unpacked are exempt). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalUncompressed: 500 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the compressed bytes start (set by the local-entry walk). */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const RATIO_EXEMPT_BYTES = 1024 * 1024;
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

const corrupt = (why: string) => new ImportError("corrupt", `The workbook is damaged (${why}). Open it in Excel, save it again and re-upload.`);

/** Parses the central directory, enforces the limits and checks the local entries against it. Throws `too_large` or `corrupt`. */
export function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw corrupt("no ZIP end-of-directory record; the file may be truncated");
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || total > limits.maxEntries) {
    throw new ImportError("too_large", `The workbook has too many parts (${total === 0xffff ? "over 65,000" : total}; at most ${limits.maxEntries})`);
  }
  if (cdOffset + cdSize > eocd) throw corrupt("the ZIP directory points past the end of the file");
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  let sum = 0;
  for (let n = 0; n < total; n++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== CDH) throw corrupt(`ZIP directory record ${n + 1} is malformed`);
    const e = headerAt(buf, p, CENTRAL, buf.readUInt32LE(p + 42));
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (names.has(e.name)) throw corrupt(`the part ${e.name} appears twice`);
    names.add(e.name);
    sum += e.uncompressedSize;
    if (sum > limits.maxTotalUncompressed) {
      throw new ImportError("too_large", `The workbook unpacks to more than ${MB(limits.maxTotalUncompressed)}`);
    }
    if (e.uncompressedSize > RATIO_EXEMPT_BYTES && e.uncompressedSize / Math.max(e.compressedSize, 1) > limits.maxRatio) {
      throw new ImportError("too_large", `Workbook part ${e.name} is compressed ${Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1))}:1 (at most ${limits.maxRatio}:1): refusing a possible zip bomb`);
    }
    if (e.method !== 0 && e.method !== 8) throw corrupt(`part ${e.name} uses an unsupported compression method ${e.method}`);
    entries.push(e);
  }
  if (p !== cdOffset + cdSize) throw corrupt("the ZIP directory's size does not match its records");
  walkLocalEntries(buf, entries, cdOffset);
  return entries;
}

/** Where a directory record and a local header keep the fields they share. */
const CENTRAL = { method: 10, crc: 16, csize: 20, usize: 24, nameLen: 28, extraLen: 30, head: 46 };
const LOCAL = { method: 8, crc: 14, csize: 18, usize: 22, nameLen: 26, extraLen: 28, head: 30 };

function headerAt(buf: Buffer, p: number, at: typeof CENTRAL, localHeaderOffset: number): ZipEntry {
  const nameLen = buf.readUInt16LE(p + at.nameLen);
  const name = p + at.head;
  const e: ZipEntry = {
    name: buf.toString("utf8", name, name + nameLen),
    method: buf.readUInt16LE(p + at.method),
    crc32: buf.readUInt32LE(p + at.crc),
    compressedSize: buf.readUInt32LE(p + at.csize),
    uncompressedSize: buf.readUInt32LE(p + at.usize),
    localHeaderOffset,
    dataStart: -1,
  };
  readZip64(buf.subarray(name + nameLen, name + nameLen + buf.readUInt16LE(p + at.extraLen)), e);
  return e;
}

/**
 * The local entries, in file order, must be exactly the directory's entries, back to back from the
 * first byte to the directory: the same name, method and sizes, and no bytes between them that a
 * streaming reader could take for another entry.
 */
function walkLocalEntries(buf: Buffer, entries: ZipEntry[], cdOffset: number): void {
  const hidden = () => corrupt("it holds data its ZIP directory does not list");
  let pos = 0;
  for (const e of [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
    const off = e.localHeaderOffset;
    if (off !== pos) throw off > pos ? hidden() : corrupt(`the part ${e.name} overlaps another`);
    if (off + 30 > cdOffset || buf.readUInt32LE(off) !== LFH) throw corrupt(`the local header of ${e.name} is missing`);
    const flags = buf.readUInt16LE(off + 6);
    const dataStart = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
    if (dataStart > cdOffset) throw corrupt(`the local header of ${e.name} is truncated`);
    const local = headerAt(buf, off, LOCAL, off);
    const mismatch = () => corrupt(`the local header of ${e.name} does not match the ZIP directory`);
    if (flags & 1) throw corrupt(`the part ${e.name} is encrypted`);
    if (local.name !== e.name || local.method !== e.method) throw mismatch();
    const deferred = (flags & 8) !== 0; // sizes in a data descriptor after the data
    const sizesAgree = local.compressedSize === e.compressedSize && local.uncompressedSize === e.uncompressedSize && local.crc32 === e.crc32;
    const sizesDeferred = deferred && local.compressedSize === 0 && local.uncompressedSize === 0;
    if (!sizesAgree && !sizesDeferred) throw mismatch();
    e.dataStart = dataStart;
    pos = dataStart + e.compressedSize;
    if (pos > cdOffset) throw corrupt(`${e.name} is truncated`);
    if (deferred) pos = skipDescriptor(buf, e, pos, cdOffset, entries);
  }
  if (pos !== cdOffset) throw hidden();
}

/** A data descriptor (optional signature, CRC, 4- or 8-byte sizes) that must repeat the directory's values. */
function skipDescriptor(buf: Buffer, e: ZipEntry, at: number, cdOffset: number, entries: ZipEntry[]): number {
  const starts = new Set([cdOffset, ...entries.map((x) => x.localHeaderOffset)]);
  for (const signed of [true, false]) {
    for (const wide of [false, true]) {
      const q = at + (signed ? 4 : 0);
      const end = q + 4 + (wide ? 16 : 8);
      if (end > cdOffset || !starts.has(end)) continue;
      if (signed && buf.readUInt32LE(at) !== DESCRIPTOR) continue;
      const csize = wide ? Number(buf.readBigUInt64LE(q + 4)) : buf.readUInt32LE(q + 4);
      const usize = wide ? Number(buf.readBigUInt64LE(q + 12)) : buf.readUInt32LE(q + 8);
      if (buf.readUInt32LE(q) === e.crc32 && csize === e.compressedSize && usize === e.uncompressedSize) return end;
    }
  }
  throw corrupt(`the data descriptor of ${e.name} does not match the ZIP directory`);
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** ZIP64 extended information (header id 1) replaces 0xFFFFFFFF sizes and offsets. */
function readZip64(extra: Buffer, e: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + size || q + 8 > extra.length) throw corrupt("a ZIP64 field is truncated");
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.uncompressedSize === 0xffffffff) e.uncompressedSize = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = next();
      return;
    }
    p += 4 + size;
  }
}

/** The compressed bytes of an entry (after `inspectZip`). */
export function entryData(buf: Buffer, e: ZipEntry): Buffer {
  if (e.dataStart < 0) throw corrupt(`the local header of ${e.name} is missing`);
  return buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
}

/** Inflates each entry into nothing, counting as it streams and failing as soon as one unpacks past its declared size. */
export async function verifyEntries(buf: Buffer, entries: ZipEntry[]): Promise<void> {
  for (const e of entries) {
    const data = entryData(buf, e);
    let size = data.length;
    let tail = data.subarray(-64).toString("latin1");
    if (e.method === 8) ({ size, tail } = await inflate(data, e.uncompressedSize));
    if (size > e.uncompressedSize) {
      throw new ImportError("too_large", `Workbook part ${e.name} unpacks to more than the ${e.uncompressedSize} bytes it declares: refusing a possible zip bomb`);
    }
    if (size !== e.uncompressedSize) throw corrupt(`${e.name} unpacks to ${size} bytes instead of ${e.uncompressedSize}`);
    // exceljs's streaming parser accepts a sheet cut off mid-way; a complete sheet ends with its root tag.
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && !/<\/(?:\w+:)?worksheet>\s*$/.test(tail)) throw corrupt(`${e.name} is cut off`);
  }
}

/** Inflates into nothing: the size (stopping past `limit`) and the last bytes. */
function inflate(data: Buffer, limit: number): Promise<{ size: number; tail: string }> {
  return new Promise((resolve, reject) => {
    const z = zlib.createInflateRaw();
    let n = 0;
    let tail = "";
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    z.on("data", (chunk: Buffer) => {
      n += chunk.length;
      tail = (tail + chunk.subarray(-64).toString("latin1")).slice(-64);
      if (n > limit) {
        settle(() => resolve({ size: n, tail }));
        z.destroy();
      }
    });
    z.on("end", () => settle(() => resolve({ size: n, tail })));
    // zlib's own wording ("invalid stored block lengths"…) means nothing to the person uploading.
    z.on("error", () => settle(() => reject(corrupt("a part cannot be unpacked"))));
    z.end(data);
  });
}

/** Parts the reader must have met before any sheet, or it parks each sheet in a temporary file. */
const FIRST = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
const EMPTY_PARTS: Record<string, string> = {
  "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
};

/**
 * A fresh archive of the verified entries only, as pieces to stream (the compressed bytes are
 * slices of `buf`, not copies): exact sizes in every local header, no data descriptors, the parts
 * the reader needs first in front, and an empty relations / shared-strings part where the workbook
 * has none (so no sheet ever waits in a temporary file).
 */
export function normalizedZip(buf: Buffer, entries: ZipEntry[]): Buffer[] {
  type Part = { name: string; method: number; crc32: number; compressedSize: number; uncompressedSize: number; data: Buffer };
  const parts: Part[] = entries.map((e) => ({ ...e, data: entryData(buf, e) }));
  for (const [name, xml] of Object.entries(EMPTY_PARTS)) {
    if (parts.some((p) => p.name === name)) continue;
    const data = Buffer.from(xml, "utf8");
    parts.push({ name, method: 0, crc32: zlib.crc32(data) >>> 0, compressedSize: data.length, uncompressedSize: data.length, data });
  }
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  parts.sort((a, b) => rank(a.name) - rank(b.name)); // stable: the rest keep their order
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LFH, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names, sizes known up front
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc32, 14);
    local.writeUInt32LE(p.compressedSize, 18);
    local.writeUInt32LE(p.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    out.push(local, name, p.data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CDH, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(p.method, 10);
    cd.writeUInt32LE(p.crc32, 16);
    cd.writeUInt32LE(p.compressedSize, 20);
    cd.writeUInt32LE(p.uncompressedSize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + p.data.length;
    if (offset > 0xffffffff) throw new ImportError("too_large", "The workbook is larger than 4 GB");
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  // No empty pieces: a zero-length chunk reads as the end of the stream to the reader's unzipper.
  return [...out, ...central, eocd].filter((b) => b.length > 0);
}
