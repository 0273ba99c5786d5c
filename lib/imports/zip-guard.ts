/**
 * Zip-bomb guard for XLSX, run before the workbook reaches exceljs: reads the ZIP central
 * directory itself (entry count, declared sizes, compression ratio per entry), then inflates
 * every entry once into nothing to check that no entry unpacks to more than it declares.
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
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const RATIO_EXEMPT_BYTES = 1024 * 1024;
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

const corrupt = (why: string) => new ImportError("corrupt", `The workbook is damaged (${why}). Open it in Excel, save it again and re-upload.`);

/** Parses the central directory and enforces the limits. Throws `too_large` or `corrupt`. */
export function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw corrupt("no ZIP end-of-directory record; the file may be truncated");
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || total > limits.maxEntries) {
    throw new ImportError("too_large", `The workbook has too many parts (${total === 0xffff ? "over 65,000" : total}; at most ${limits.maxEntries})`);
  }
  if (cdOffset + cdSize > buf.length) throw corrupt("the ZIP directory points past the end of the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let sum = 0;
  for (let n = 0; n < total; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) throw corrupt(`ZIP directory record ${n + 1} is malformed`);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    readZip64(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
    p += 46 + nameLen + extraLen + commentLen;
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
  return entries;
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
        if (q + 8 > p + 4 + size) throw corrupt("a ZIP64 field is truncated");
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

/** The compressed bytes of an entry, located through its local header. */
export function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LFH) throw corrupt(`the local header of ${e.name} is missing`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw corrupt(`${e.name} is truncated`);
  return buf.subarray(start, start + e.compressedSize);
}

/** Inflates each entry into nothing, failing as soon as one unpacks past its declared size. */
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
    z.on("error", (err) => settle(() => reject(corrupt(`a part cannot be unpacked: ${err.message}`))));
    z.end(data);
  });
}
