/**
 * The bytes of an upload: a Buffer, a one-shot async iterable (a request body, a Node or web
 * stream) or a factory that can open the bytes again (a spooled temp file). Enforces the size
 * limit while reading and reports progress.
 */
import { ImportError } from "./errors";

export type ByteSource = Uint8Array | AsyncIterable<Uint8Array> | (() => AsyncIterable<Uint8Array>);

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const SLICE = 256 * 1024;

export const isRereadable = (s: ByteSource) => s instanceof Uint8Array || typeof s === "function";

export function tooLarge(maxBytes: number): ImportError {
  const mb = maxBytes / (1024 * 1024);
  const limit = mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return new ImportError("too_large", `The file is larger than the ${limit} limit`, { maxBytes });
}

/** Opens the source (again) as chunks, throwing `too_large` as soon as the limit is passed. */
export async function* openBytes(src: ByteSource, maxBytes: number, onProgress?: (bytesRead: number) => void): AsyncGenerator<Uint8Array> {
  if (src instanceof Uint8Array) {
    if (src.byteLength > maxBytes) throw tooLarge(maxBytes);
    for (let i = 0; i < src.byteLength; i += SLICE) {
      const chunk = src.subarray(i, Math.min(i + SLICE, src.byteLength));
      onProgress?.(i + chunk.byteLength);
      yield chunk;
    }
    return;
  }
  const iterable = typeof src === "function" ? src() : src;
  let read = 0;
  for await (const raw of iterable) {
    const chunk: Uint8Array = typeof (raw as unknown) === "string" ? Buffer.from(raw as unknown as string) : raw;
    read += chunk.byteLength;
    if (read > maxBytes) throw tooLarge(maxBytes);
    onProgress?.(read);
    if (chunk.byteLength > 0) yield chunk;
  }
}

/** Reads at least `n` bytes (or everything) and returns them with an iterator over the whole stream. */
export async function peek(chunks: AsyncGenerator<Uint8Array>, n: number): Promise<{ head: Buffer; all: AsyncGenerator<Uint8Array> }> {
  const taken: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const r = await chunks.next();
    if (r.done) break;
    taken.push(r.value);
    size += r.value.byteLength;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* taken;
    yield* chunks;
  }
  return { head: Buffer.concat(taken), all: all() };
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
