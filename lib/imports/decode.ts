/**
 * Text encodings of distributor files: UTF-8 (with or without Excel's BOM), UTF-16 LE/BE (Excel's
 * "Unicode text", with BOM; without BOM detected from the NUL-byte pattern), and Windows-1252 when
 * the bytes are not valid UTF-8. Works on a whole buffer and incrementally on a byte stream.
 */

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * Decides the encoding from the first bytes. `complete` says whether `head` is the whole file
 * (otherwise a multi-byte UTF-8 sequence cut at the end of `head` is not held against UTF-8).
 */
export function sniffEncoding(head: Uint8Array, complete = true): Sniffed {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isValidUtf8(head, complete) ? "utf-8" : "windows-1252", bomLength: 0 };
}

/** Text without a BOM whose every other byte is NUL (ASCII in UTF-16) is UTF-16. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const n = Math.min(head.length, 1024) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return "utf-16le";
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return "utf-16be";
  return null;
}

export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

// Node's TextDecoder("windows-1252") decodes as ISO-8859-1 (0x80 → U+0080 instead of €), so the
// 32 code points where Windows-1252 differs from Latin-1 are mapped here. Undefined bytes stay as is.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d,
  0x17e, 0x178,
];
const C1 = /[\u0080-\u009f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(C1, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

/** Decodes a whole file. */
export function decodeBuffer(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bomLength } = sniffEncoding(bytes, true);
  const body = bytes.subarray(bomLength);
  if (encoding === "windows-1252") return { text: decodeWindows1252(body), encoding };
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(body), encoding };
}

/** Bytes looked at before the encoding of a stream is decided. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Incremental decoder for a byte stream: `push` each chunk, then `end`. The encoding is decided
 * from the first 64 KB. A stream that looked like UTF-8 but turns out not to be is decoded as
 * Windows-1252 from the offending chunk on (noted in `warnings`).
 */
export class StreamDecoder {
  encoding: TextEncoding | null = null;
  readonly warnings: string[] = [];
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private bytesSeen = 0;
  private decoder: TextDecoder | null = null;

  /** `encoding`: already known (a later part of a file whose head was sniffed): no sniffing, no BOM. */
  constructor(encoding?: TextEncoding) {
    if (!encoding) return;
    this.encoding = encoding;
    if (encoding !== "windows-1252") this.decoder = new TextDecoder(encoding, { ignoreBOM: true, fatal: encoding === "utf-8" });
  }

  push(chunk: Uint8Array): string {
    if (this.encoding) return this.decodeChunk(chunk, false);
    this.head.push(chunk);
    this.headBytes += chunk.byteLength;
    return this.headBytes >= SNIFF_BYTES ? this.start(false) : "";
  }

  end(): string {
    const text = this.encoding ? "" : this.start(true);
    if (!this.decoder) return text;
    try {
      return text + this.decoder.decode();
    } catch {
      this.warnings.push("The file ends inside a UTF-8 character; the last bytes were dropped");
      return text;
    }
  }

  private start(complete: boolean): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    const { encoding, bomLength } = sniffEncoding(head, complete);
    this.encoding = encoding;
    if (encoding !== "windows-1252") this.decoder = new TextDecoder(encoding, { ignoreBOM: true, fatal: encoding === "utf-8" });
    return this.decodeChunk(head.subarray(bomLength), complete);
  }

  private decodeChunk(chunk: Uint8Array, last: boolean): string {
    const offset = this.bytesSeen;
    this.bytesSeen += chunk.byteLength;
    if (!this.decoder) return decodeWindows1252(chunk);
    try {
      return this.decoder.decode(chunk, { stream: !last });
    } catch {
      this.warnings.push(`Not valid UTF-8 after byte ${offset}: decoded as Windows-1252 from there on`);
      this.encoding = "windows-1252";
      this.decoder = null;
      return decodeWindows1252(chunk);
    }
  }
}

/**
 * Bytes fed to the decoder per piece. A decoded chunk of a megabyte is a string V8 keeps in its
 * large-object space until a full collection: a million-line file then held ~150 MB of dead chunk
 * text at its peak. Pieces of 32 KB die young (bench/ingest).
 */
const PIECE = 32 * 1024;

/** The text of a byte stream, decoded in small pieces; `onChunk` sees every chunk as it arrives. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, decoder: StreamDecoder, onChunk?: (chunk: Uint8Array) => void): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    onChunk?.(chunk);
    for (let i = 0; i < chunk.byteLength; i += PIECE) {
      const s = decoder.push(chunk.subarray(i, Math.min(i + PIECE, chunk.byteLength)));
      if (s) yield s;
    }
  }
  const s = decoder.end();
  if (s) yield s;
}
