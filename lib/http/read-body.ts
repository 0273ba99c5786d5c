/**
 * Reading a request body with limits on size AND time, before any database work (issue 12: one
 * slow client must not stall anyone). A body is refused with 408 `request_timeout` when it
 *  - has not fully arrived within `timeoutMs`,
 *  - pauses for longer than `idleMs`, or
 *  - after `graceMs` has averaged less than `minBytesPerSecond` since it started,
 * and with 413 `payload_too_large` as soon as it passes `maxBytes` (a declared Content-Length above
 * it is refused before reading). Nothing holds a transaction or a pool connection while it waits.
 */
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
  idleMs: number;
  graceMs: number;
  minBytesPerSecond: number;
}

const GRACE_MS = 10_000;
const IDLE_MS = 30_000;

/** The configured limits: `upload` for files (SELLTHRU_UPLOAD_TIMEOUT_S), else SELLTHRU_BODY_TIMEOUT_S. */
export function bodyLimits(kind: "body" | "upload", maxBytes: number): BodyLimits {
  const e = env();
  const timeoutS = kind === "upload" ? e.SELLTHRU_UPLOAD_TIMEOUT_S : e.SELLTHRU_BODY_TIMEOUT_S;
  return { maxBytes, timeoutMs: timeoutS * 1000, idleMs: Math.min(IDLE_MS, timeoutS * 1000), graceMs: GRACE_MS, minBytesPerSecond: e.SELLTHRU_BODY_MIN_KBPS * 1024 };
}

export function payloadTooLarge(maxBytes: number, what = "The request body"): AppError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError("payload_too_large", `${what} is larger than ${mb} MB; nothing was stored`, [], { maxBytes });
}

export function bodyTooSlow(reason: string): AppError {
  return new AppError("request_timeout", `The request body arrived too slowly (${reason}); nothing was stored. Send it again on a better connection.`);
}

/** Refuses a declared Content-Length above `maxBytes` before anything is read (413). */
export function checkDeclaredLength(req: Request, maxBytes: number): void {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
}

/**
 * The body's chunks as they arrive, within the limits (`limits.maxBytes` counts every byte; callers
 * with an envelope, like multipart, add room for it). On any failure the body is cancelled.
 */
export async function* limitedChunks(body: ReadableStream<Uint8Array> | null, limits: BodyLimits, signal?: AbortSignal, now: () => number = Date.now): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  const started = now();
  let bytes = 0;
  let done = false;
  try {
    for (;;) {
      const t = now();
      const rateDeadline = limits.minBytesPerSecond > 0 ? started + Math.max(limits.graceMs, (bytes / limits.minBytesPerSecond) * 1000) : Infinity;
      const deadline = Math.min(started + limits.timeoutMs, t + limits.idleMs, rateDeadline);
      const r = await readWithin(reader, deadline - t, signal);
      if (r === "timeout") {
        const elapsed = now() - started;
        if (elapsed >= limits.timeoutMs) throw bodyTooSlow(`not complete after ${Math.round(limits.timeoutMs / 1000)} s`);
        if (now() - t >= limits.idleMs) throw bodyTooSlow(`nothing arrived for ${Math.round(limits.idleMs / 1000)} s`);
        throw bodyTooSlow(`less than ${Math.round(limits.minBytesPerSecond / 1024)} KB/s`);
      }
      if (r.done) {
        done = true;
        return;
      }
      bytes += r.value.byteLength;
      if (bytes > limits.maxBytes) throw payloadTooLarge(limits.maxBytes);
      yield r.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** The next chunk, or "timeout" after `ms`; an abort (the reader of the body gave up) throws its reason. */
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number, signal?: AbortSignal): Promise<ReadableStreamReadResult<Uint8Array> | "timeout"> {
  if (signal?.aborted) throw signal.reason;
  if (ms <= 0) return "timeout";
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([reader.read(), timeout, aborted]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

/** The whole body in memory (JSON, small CSVs), within the limits. */
export async function readBodyBytes(req: Request, limits: BodyLimits): Promise<Uint8Array> {
  checkDeclaredLength(req, limits.maxBytes);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of limitedChunks(req.body, limits)) {
    parts.push(chunk);
    size += chunk.byteLength;
  }
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}
