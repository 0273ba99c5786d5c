/**
 * `receiveUpload(req, maxBytes)` → `{ path, bytes, fileName, fields, dispose() }`
 *
 * Spools an upload's bytes to a temp file as they arrive (never the whole body in memory), so the
 * parser can read the file as a stream — twice when it must (the mapping probe, a late date-order
 * decision) — and the size limit is enforced while reading (413 as soon as it is passed; a declared
 * Content-Length above it is refused before reading).
 *
 * - `multipart/form-data`: a minimal streaming reader (no dependency): the part named `file` (or the
 *   first part with a filename) goes to the temp file; other small text fields (`period`, `mapping`,
 *   `kind`, `dateOrder`, `sheet`, `replaces`, `fileName`) are returned in `fields`. `req.formData()`
 *   is not used because it buffers the whole body.
 * - any other body (text/csv, text/tab-separated-values, the XLSX type, application/edi-x12,
 *   application/octet-stream…): the raw body is the file; its content decides the format.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";

export interface ReceivedUpload {
  path: string;
  bytes: number;
  fileName: string | null;
  fields: Record<string, string>;
  dispose(): Promise<void>;
}

const FIELD_MAX = 1024 * 1024;
const HEADER_MAX = 16 * 1024;
/** Room for the multipart envelope and small fields on top of the file limit. */
const ENVELOPE = 2 * 1024 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError(
    "payload_too_large",
    `The file is larger than the ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB upload limit; nothing was stored. Split it (one month per file) or ask your administrator to raise SELLTHRU_MAX_UPLOAD_MB.`,
    [],
    { maxBytes },
  );

class Spool {
  readonly path = path.join(os.tmpdir(), `sellthru-upload-${randomUUID()}`);
  private readonly out = fs.createWriteStream(this.path, { flags: "wx", mode: 0o600 });
  private failed: Error | null = null;
  bytes = 0;
  constructor() {
    this.out.on("error", (e) => (this.failed = e));
  }
  async write(chunk: Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    if (!chunk.byteLength) return;
    this.bytes += chunk.byteLength;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once("drain", resolve));
  }
  end(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((e?: Error | null) => (e || this.failed ? reject(e ?? this.failed) : resolve())));
  }
  async dispose(): Promise<void> {
    this.out.destroy();
    await fs.promises.rm(this.path, { force: true });
  }
}

export async function receiveUpload(req: Request, maxBytes: number): Promise<ReceivedUpload> {
  const type = req.headers.get("content-type") ?? "";
  const declared = Number(req.headers.get("content-length") ?? "0");
  const multipart = /^multipart\/form-data/i.test(type);
  if (declared > maxBytes + (multipart ? ENVELOPE : 0)) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  const spool = new Spool();
  try {
    let fileName: string | null = null;
    let fields: Record<string, string> = {};
    if (multipart) {
      const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
      if (!boundary) throw new AppError("validation_failed", "The multipart body has no boundary; nothing was stored", [{ path: "file", message: "No multipart boundary" }]);
      const r = await readMultipart(req, boundary[1] ?? boundary[2]!, spool, maxBytes);
      fileName = r.fileName;
      fields = r.fields;
      if (!r.sawFile) throw new AppError("validation_failed", "Send the file in a multipart field named \"file\"; nothing was stored", [{ path: "file", message: "No file field" }]);
    } else {
      if (req.body) {
        const reader = req.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (spool.bytes + value.byteLength > maxBytes) {
            await reader.cancel().catch(() => {});
            throw tooLarge(maxBytes);
          }
          await spool.write(value);
        }
      }
    }
    await spool.end();
    return { path: spool.path, bytes: spool.bytes, fileName, fields, dispose: () => spool.dispose() };
  } catch (e) {
    await spool.dispose();
    throw e;
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
async function readMultipart(req: Request, boundary: string, spool: Spool, maxBytes: number) {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  let fileName: string | null = null;
  let sawFile = false;
  // The body starts with "--boundary": a leading CRLF makes every delimiter look the same.
  let buf: Buffer = Buffer.from("\r\n");
  type State = "preamble" | "after" | "headers" | "body" | "done";
  let state = "preamble" as State;
  let part: { kind: "file" | "field" | "skip"; name: string; chunks: Buffer[]; size: number } | null = null;
  let total = 0;

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
          fileName = h.fileName;
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
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes + ENVELOPE) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      if (state === "done") continue; // the epilogue
      buf = buf.length ? Buffer.concat([buf, value]) : Buffer.from(value);
      try {
        await step();
      } catch (e) {
        await reader.cancel().catch(() => {});
        throw e;
      }
    }
  }
  if (state !== "done") throw corrupt();
  return { fileName, fields, sawFile };
}
