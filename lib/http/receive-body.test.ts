import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { receiveUpload } from "./receive-body";

/** A request whose body arrives in chunks of `size` bytes (boundaries split anywhere). */
function chunked(body: Buffer, headers: Record<string, string>, size: number): Request {
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i >= body.length) return c.close();
      c.enqueue(new Uint8Array(body.subarray(i, i + size)));
      i += size;
    },
  });
  return new Request("http://localhost/api/v1/uploads", { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
}

async function multipart(parts: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(parts)) form.append(k, v as string);
  const r = new Request("http://localhost", { method: "POST", body: form });
  return { body: Buffer.from(await r.arrayBuffer()), type: r.headers.get("content-type")! };
}

describe("receiveUpload", () => {
  const file = Buffer.from("Ref;Units\r\n--not-a-boundary;1\r\n" + "MCU-1000;5\r\n".repeat(2000));

  for (const size of [1, 7, 64, 65536]) {
    it(`streams the file part of a multipart body to disk (chunks of ${size})`, async () => {
      const { body, type } = await multipart({ period: "2026-10", mapping: '{"0":"sku"}', file: new Blob([file]) });
      const r = await receiveUpload(chunked(body, { "content-type": type }, size), 10_000_000);
      try {
        expect(fs.readFileSync(r.path).equals(file)).toBe(true);
        expect(r.bytes).toBe(file.length);
        expect(r.fields).toEqual({ period: "2026-10", mapping: '{"0":"sku"}' });
        expect(r.fileName).toBe("blob");
      } finally {
        await r.dispose();
      }
      expect(fs.existsSync(r.path)).toBe(false);
    });
  }

  it("takes a raw body as the file", async () => {
    const r = await receiveUpload(chunked(file, { "content-type": "text/csv" }, 1000), 10_000_000);
    expect(fs.readFileSync(r.path).equals(file)).toBe(true);
    await r.dispose();
  });

  it("refuses more than the limit with 413, declared or not, and leaves no temp file", async () => {
    const declared = await receiveUpload(new Request("http://localhost", { method: "POST", headers: { "content-type": "text/csv", "content-length": "5000" }, body: "x" }), 1000).catch((e) => e);
    expect(declared).toBeInstanceOf(AppError);
    expect((declared as AppError).status).toBe(413);
    const streamed = await receiveUpload(chunked(file, { "content-type": "text/csv" }, 500), 1000).catch((e) => e);
    expect((streamed as AppError).status).toBe(413);
    const { body, type } = await multipart({ file: new Blob([file]) });
    const mp = await receiveUpload(chunked(body, { "content-type": type }, 4096), 1000).catch((e) => e);
    expect((mp as AppError).status).toBe(413);
    expect((mp as AppError).message).toContain("upload limit");
  });

  it("a multipart body without a file field or cut short is a 400", async () => {
    const { body, type } = await multipart({ period: "2026-10" });
    expect(((await receiveUpload(chunked(body, { "content-type": type }, 100), 1000).catch((e) => e)) as AppError).status).toBe(400);
    const full = await multipart({ file: new Blob([file]) });
    const cut = full.body.subarray(0, full.body.length - 30);
    expect(((await receiveUpload(chunked(cut, { "content-type": full.type }, 100), 10_000_000).catch((e) => e)) as AppError).status).toBe(400);
  });
});
