import { describe, expect, it } from "vitest";
import { decodeBuffer, decodeWindows1252, sniffEncoding, StreamDecoder } from "./decode";

const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
};

function streamDecode(bytes: Uint8Array, size: number): { text: string; d: StreamDecoder } {
  const d = new StreamDecoder();
  let text = "";
  for (let i = 0; i < bytes.length; i += size) text += d.push(bytes.subarray(i, i + size));
  return { text: text + d.end(), d };
}

describe("sniffEncoding / decodeBuffer", () => {
  it("UTF-8 with Excel's BOM: the BOM is not part of the text", () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: "utf-8", bomLength: 3 });
    expect(decodeBuffer(Buffer.from("\ufeffSKU;Menge", "utf8"))).toEqual({ text: "SKU;Menge", encoding: "utf-8" });
  });
  it("UTF-16 LE and BE with BOM", () => {
    expect(decodeBuffer(utf16le("Item\tQty\r\nä\t1"))).toEqual({ text: "Item\tQty\r\nä\t1", encoding: "utf-16le" });
    expect(decodeBuffer(utf16be("Item\tQty"))).toEqual({ text: "Item\tQty", encoding: "utf-16be" });
  });
  it("UTF-16 LE without BOM is recognised from its NUL bytes", () => {
    expect(decodeBuffer(utf16le("Item Number\tQty On Hand\r\n", false)).encoding).toBe("utf-16le");
  });
  it("valid UTF-8 without BOM stays UTF-8; invalid UTF-8 is Windows-1252 (€, curly quotes, umlauts)", () => {
    expect(decodeBuffer(Buffer.from("Müller ±0.5 °C", "utf8"))).toEqual({ text: "Müller ±0.5 °C", encoding: "utf-8" });
    const cp1252 = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94, 0x20, 0xb1]);
    expect(decodeBuffer(cp1252)).toEqual({ text: "Müller € “x” ±", encoding: "windows-1252" });
  });
  it("Windows-1252 is not Latin-1: 0x80–0x9F map to their Windows characters", () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x8a, 0x96, 0x99, 0x9f]))).toBe("€Š–™Ÿ");
  });
});

describe("StreamDecoder", () => {
  it("joins a UTF-8 character split across chunks", () => {
    const bytes = Buffer.from("Artikel;Menge\nÄÖÜ€;1\n".repeat(3), "utf8");
    for (const size of [1, 2, 3, 5]) expect(streamDecode(bytes, size).text).toBe(bytes.toString("utf8"));
  });
  it("UTF-16 in odd-sized chunks", () => {
    const bytes = utf16le("Item Number\tQty\r\nNW-700000\t7285\r\n");
    const { text, d } = streamDecode(bytes, 3);
    expect(text).toBe("Item Number\tQty\r\nNW-700000\t7285\r\n");
    expect(d.encoding).toBe("utf-16le");
  });
  it("switches to Windows-1252 when a Latin byte appears after the first 64 KB, and says so", () => {
    const head = Buffer.from("a;b\n".repeat(20_000), "utf8");
    const tail = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]);
    const { text, d } = streamDecode(Buffer.concat([head, tail]), 4096);
    expect(text.endsWith("Müller\n")).toBe(true);
    expect(d.encoding).toBe("windows-1252");
    expect(d.warnings[0]).toMatch(/Windows-1252/);
  });
});
