/**
 * `startReceiving(req, limits)` → `Reception`; `receiveUpload(req, maxBytes)` → the same, once the body is in.
 *
 * Spools an upload's bytes to a temp file as they arrive (never the whole body in memory) — with no
 * transaction open and within the size and time limits of `lib/http/read-body.ts` (413, 408) — and
 * lets the parser read the file WHILE it grows (`follow()`): parsing starts with the first bytes
 * instead of after the last. The file can be read again once complete (`open()`: the mapping probe,
 * a late date-order decision, the second half read on a worker thread).
 *
 * - `multipart/form-data`: a minimal streaming reader (no dependency): the part named `file` (or the
 *   first part with a filename) goes to the temp file; other small text fields (`period`, `mapping`,
 *   `kind`, `dateOrder`, `sheet`, `replaces`, `fileName`) are returned in `fields` — those before the
 *   file part when it starts (`started`), all of them at the end (`done`). `req.formData()` is not
 *   used because it buffers the whole body.
 * - any other body (text/csv, text/tab-separated-values, the XLSX type, application/edi-x12,
 *   application/octet-stream…): the raw body is the file; its content decides the format.
 *
 * Temp files live in `<tmpdir>/sellthru-spool/`, named after the process: `dispose()` deletes them on
 * every path, and a server starting up deletes those of processes that no longer run (a kill).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { bodyLimits, checkDeclaredLength, limitedChunks, type BodyLimits } from "@/lib/http/read-body";

export interface ReceivedUpload {
  path: string;
  bytes: number;
  fileName: string | null;
  fields: Record<string, string>;
  dispose(): Promise<void>;
}

export interface Reception {
  path: string;
  /** The file part has begun (multipart) or the body has (raw): `fields` holds those sent before it. */
  started: Promise<void>;
  /** Every byte is on disk; `fields` and `fileName` are final. Rejects with the receive error (408, 413, 400). */
  done: Promise<{ bytes: number }>;
  /** The file's size once complete, else undefined. */
  size(): number | undefined;
  /** A raw body's declared length (Content-Length) and the bytes on disk so far; null for multipart or no length. */
  declared: { size: number; available: () => number } | null;
  fields: Record<string, string>;
  fileName: string | null;
  /** The file's bytes from the start, as they arrive; ends when the body has ended (throws its error). */
  follow(): AsyncGenerator<Uint8Array>;
  /** Stop receiving (the parser failed): the body is cancelled. */
  abort(reason: unknown): void;
  /** Deletes the temp file (after any reader is done). */
  dispose(): Promise<void>;
}

const FIELD_MAX = 1024 * 1024;
const HEADER_MAX = 16 * 1024;
/** Room for the multipart envelope and small fields on top of the file limit. */
const ENVELOPE = 2 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

export const SPOOL_DIR = () => path.join(os.tmpdir(), "sellthru-spool");

const tooLarge = (maxBytes: number) =>
  new AppError(
    "payload_too_large",
    `The file is larger than the ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB upload limit; nothing was stored. Split it (one month per file) or ask your administrator to raise SELLTHRU_MAX_UPLOAD_MB.`,
    [],
    { maxBytes },
  );

/** The temp file: bytes counted once they are in the file (a follower may read up to there). */
class Spool {
  readonly path = path.join(SPOOL_DIR(), `${process.pid}-${randomUUID()}`);
  private readonly out: fs.WriteStream;
  private failed: Error | null = null;
  private waiters: (() => void)[] = [];
  bytes = 0;
  flushed = 0;
  ended = false;
  error: unknown = null;
  constructor() {
    fs.mkdirSync(SPOOL_DIR(), { recursive: true, mode: 0o700 });
    // Created at once (not when the stream gets round to it): a follower may open it right away.
    this.out = fs.createWriteStream(this.path, { fd: fs.openSync(this.path, "wx", 0o600) });
    this.out.on("error", (e) => (this.failed = e));
  }
  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  async write(chunk: Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    if (!chunk.byteLength) return;
    this.bytes += chunk.byteLength;
    const ok = this.out.write(chunk, (e) => {
      if (e) return;
      this.flushed += chunk.byteLength;
      this.wake();
    });
    if (!ok) await new Promise<void>((resolve) => this.out.once("drain", resolve));
  }
  end(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((e?: Error | null) => (e || this.failed ? reject(e ?? this.failed) : resolve())));
  }
  fail(error: unknown): void {
    this.error ??= error;
    this.wake();
  }
  async dispose(): Promise<void> {
    this.out.destroy();
    await fs.promises.rm(this.path, { force: true });
  }
}

/** Starts receiving the body into a temp file; returns at once. */
export function startReceiving(req: Request, limits: BodyLimits): Reception {
  const type = req.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(type);
  const maxBytes = limits.maxBytes;
  const spool = new Spool();
  const controller = new AbortController();
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const reception: Reception = {
    path: spool.path,
    started,
    done: null as unknown as Promise<{ bytes: number }>,
    size: () => (spool.ended && !spool.error ? spool.bytes : undefined),
    declared: !multipart && Number(req.headers.get("content-length")) > 0 ? { size: Number(req.headers.get("content-length")), available: () => spool.flushed } : null,
    fields: {},
    fileName: null,
    follow: () => follow(spool),
    abort(reason) {
      controller.abort(reason);
    },
    dispose: () => spool.dispose(),
  };
  const receive = async () => {
    checkDeclaredLength(req, maxBytes + (multipart ? ENVELOPE : 0));
    const chunks = limitedChunks(req.body, { ...limits, maxBytes: maxBytes + (multipart ? ENVELOPE : 0) }, controller.signal);
    if (multipart) {
      const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
      if (!boundary) throw new AppError("validation_failed", "The multipart body has no boundary; nothing was stored", [{ path: "file", message: "No multipart boundary" }]);
      const r = await readMultipart(chunks, boundary[1] ?? boundary[2]!, spool, maxBytes, reception, markStarted);
      if (!r.sawFile) throw new AppError("validation_failed", "Send the file in a multipart field named \"file\"; nothing was stored", [{ path: "file", message: "No file field" }]);
    } else {
      markStarted();
      for await (const value of chunks) {
        if (spool.bytes + value.byteLength > maxBytes) throw tooLarge(maxBytes);
        await spool.write(value);
      }
    }
    await spool.end();
    spool.ended = true;
    spool.wake();
    return { bytes: spool.bytes };
  };
  reception.done = receive().catch((e: unknown) => {
    const error = e instanceof AppError && e.code === "payload_too_large" ? tooLarge(maxBytes) : e;
    spool.fail(error);
    markStarted();
    throw error;
  });
  reception.done.catch(() => {}); // surfaced to whoever awaits it, and to followers
  return reception;
}

/** The whole body received (tests, simple callers): `{ path, bytes, fileName, fields, dispose }`. */
export async function receiveUpload(req: Request, maxBytes: number, limits: BodyLimits = bodyLimits("upload", maxBytes)): Promise<ReceivedUpload> {
  const r = startReceiving(req, { ...limits, maxBytes });
  try {
    const { bytes } = await r.done;
    return { path: r.path, bytes, fileName: r.fileName, fields: r.fields, dispose: () => r.dispose() };
  } catch (e) {
    await r.dispose();
    throw e;
  }
}

/** Reads the spool from its start as it grows; ends with the body (or throws its error). */
async function* follow(spool: Spool): AsyncGenerator<Uint8Array> {
  const fh = await fs.promises.open(spool.path, "r");
  try {
    let pos = 0;
    for (;;) {
      if (pos < spool.flushed) {
        const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, spool.flushed - pos));
        const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
        pos += bytesRead;
        if (bytesRead > 0) yield buf.subarray(0, bytesRead);
        continue;
      }
      if (spool.error) throw spool.error;
      if (spool.ended) return;
      await spool.changed();
    }
  } finally {
    await fh.close();
  }
}

/** Server start-up: deletes spooled files of processes that no longer run (killed mid-upload). */
export async function sweepSpool(): Promise<number> {
  let removed = 0;
  const names = await fs.promises.readdir(SPOOL_DIR()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.split("-")[0]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    await fs.promises.rm(path.join(SPOOL_DIR(), name), { force: true });
    removed++;
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface PartHeaders {
  name: string | null;
  fileName: string | null;
}

function parsePartHeaders(text: string): PartHeaders {
  const disp = /^content-disposition:(.*)$/im.exec(text)?.[1] ?? "";
  const param = (key: string) => {
    const star = new RegExp(`\\b${key}\\*=(?:UTF-8|utf-8)''([^;\\r\\n]+)`).exec(disp);
    if (star) {
      try {
        return decodeURIComponent(star[1]!.trim());
      } catch {
        /* fall through */
      }
    }
    const m = new RegExp(`\\b${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`).exec(disp);
    return m ? (m[1] ?? m[2]!).replace(/\\(.)/g, "$1") : null;
  };
  return { name: param("name"), fileName: param("filename") };
}

/** Streams the multipart body: the file part into `spool`, other fields into memory (small). */
async function readMultipart(chunks: AsyncIterable<Uint8Array>, boundary: string, spool: Spool, maxBytes: number, out: Reception, markStarted: () => void) {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields = out.fields;
  let sawFile = false;
  // The body starts with "--boundary": a leading CRLF makes every delimiter look the same.
  let buf: Buffer = Buffer.from("\r\n");
  type State = "preamble" | "after" | "headers" | "body" | "done";
  let state = "preamble" as State;
  let part: { kind: "file" | "field" | "skip"; name: string; chunks: Buffer[]; size: number } | null = null;

  const emit = async (data: Buffer) => {
    if (!part || !data.length) return;
    if (part.kind === "file") {
      if (spool.bytes + data.length > maxBytes) throw tooLarge(maxBytes);
      await spool.write(data);
    } else if (part.kind === "field") {
      part.size += data.length;
      if (part.size > FIELD_MAX) throw new AppError("validation_failed", `The form field ${part.name} is too long; nothing was stored`, [{ path: part.name, message: "Too long" }]);
      part.chunks.push(Buffer.from(data));
    }
  };
  const endPart = () => {
    if (part?.kind === "field") fields[part.name] = Buffer.concat(part.chunks).toString("utf8");
    part = null;
  };

  const step = async (): Promise<void> => {
    for (;;) {
      if (state === "preamble" || state === "body") {
        const idx = buf.indexOf(delimiter);
        if (idx < 0) {
          const keep = Math.max(0, buf.length - (delimiter.length - 1));
          if (state === "body") await emit(buf.subarray(0, keep));
          buf = buf.subarray(keep);
          return;
        }
        if (state === "body") {
          await emit(buf.subarray(0, idx));
          endPart();
        }
        buf = buf.subarray(idx + delimiter.length);
        state = "after";
      }
      if (state === "after") {
        if (buf.length < 2) return;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = "done";
          return;
        }
        // Transport padding (spaces/tabs) may follow the boundary before its CRLF.
        const eol = buf.indexOf("\r\n");
        if (eol < 0) {
          if (buf.length > 256) throw corrupt();
          return;
        }
        buf = buf.subarray(eol + 2);
        state = "headers";
      }
      if (state === "headers") {
        const end = buf.indexOf("\r\n\r\n");
        if (end < 0) {
          if (buf.length > HEADER_MAX) throw corrupt();
          return;
        }
        const h = parsePartHeaders(buf.subarray(0, end).toString("utf8"));
        buf = buf.subarray(end + 4);
        const isFile = !sawFile && (h.name === "file" || h.fileName !== null);
        if (isFile) {
          sawFile = true;
          out.fileName = h.fileName;
          markStarted();
          part = { kind: "file", name: h.name ?? "file", chunks: [], size: 0 };
        } else if (h.name && h.fileName === null) {
          part = { kind: "field", name: h.name, chunks: [], size: 0 };
        } else {
          part = { kind: "skip", name: h.name ?? "", chunks: [], size: 0 };
        }
        state = "body";
      }
      if (state === "done") return;
    }
  };

  const corrupt = () => new AppError("validation_failed", "The multipart body is malformed; nothing was stored", [{ path: "file", message: "Malformed multipart body" }]);
  for await (const value of chunks) {
    if (state === "done") continue; // the epilogue
    buf = buf.length ? Buffer.concat([buf, value]) : Buffer.from(value);
    await step();
  }
  if (state !== "done") throw corrupt();
  return { sawFile };
}
