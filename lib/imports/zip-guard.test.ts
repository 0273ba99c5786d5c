import { describe, expect, it } from "vitest";
import { fixture, resolvePart, utf8 } from "./__fixtures__/support";
import { hiddenEntryWorkbook, makeZip, sheetBomb } from "./__fixtures__/zip";
import { ImportError } from "./errors";
import { parseUpload } from "./index";
import { inspectZip } from "./zip-guard";

const WORKBOOK = { name: "xl/workbook.xml", data: utf8("<workbook/>") };
const upload = (bytes: Buffer) => parseUpload({ bytes, period: "2026-10", resolvePart });
async function refused(bytes: Buffer): Promise<ImportError> {
  const e = await upload(bytes).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe("XLSX zip-bomb guard (central directory read before exceljs sees the file)", () => {
  it("a real bomb: 60 MB of zeros deflated ~1000:1", async () => {
    const e = await refused(makeZip([WORKBOOK, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024) }]));
    expect(e.code).toBe("too_large");
    expect(e.message).toMatch(/xl\/worksheets\/sheet1.xml is compressed \d+:1 \(at most 200:1\)/);
  });

  it("declared sizes over 500 MB in total", async () => {
    const big = (n: number) => ({ name: `xl/worksheets/sheet${n}.xml`, data: utf8("<x/>"), declaredUncompressed: 300 * 1024 * 1024, declaredCompressed: 10 * 1024 * 1024 });
    const e = await refused(makeZip([WORKBOOK, big(1), big(2)]));
    expect(e).toMatchObject({ code: "too_large", message: "The workbook unpacks to more than 500 MB" });
  });

  it("more than 10,000 entries", async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(0), method: 0 as const }));
    expect(await refused(makeZip([WORKBOOK, ...many]))).toMatchObject({ code: "too_large", message: /too many parts \(10002; at most 10000\)/ });
  });

  it("an entry that unpacks to more than its directory declares", async () => {
    const liar = { name: "xl/sharedStrings.xml", data: Buffer.alloc(5 * 1024 * 1024, 0x41), declaredUncompressed: 1000 };
    expect(await refused(makeZip([WORKBOOK, liar]))).toMatchObject({ code: "too_large", message: /unpacks to more than the 1000 bytes it declares/ });
  });

  it("limits are options", () => {
    const zip = makeZip([WORKBOOK, { name: "a", data: Buffer.alloc(10) }]);
    expect(() => inspectZip(zip, { maxEntries: 1, maxTotalUncompressed: 1e9, maxRatio: 200 })).toThrow(/too many parts/);
  });
});

describe("broken or foreign ZIPs are clear 400s, never crashes", () => {
  it("a truncated workbook", async () => {
    const xlsx = fixture("northwind-pos-2026-10.xlsx");
    expect(await refused(xlsx.subarray(0, xlsx.length - 300))).toMatchObject({ code: "corrupt", message: /no ZIP end-of-directory record/ });
    expect(await refused(xlsx.subarray(0, 4000))).toMatchObject({ code: "corrupt" });
  });
  it("garbage where deflated data should be", async () => {
    const bad = { name: "xl/worksheets/sheet1.xml", data: utf8("<worksheet/>"), raw: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]) };
    expect(await refused(makeZip([WORKBOOK, bad]))).toMatchObject({ code: "corrupt", message: /cannot be unpacked/ });
  });
  it("a ZIP that is not a workbook", async () => {
    expect(await refused(makeZip([{ name: "word/document.xml", data: utf8("<w/>") }]))).toMatchObject({ code: "unsupported" });
  });
});

describe("what the reader streams is what the guard checked (hidden entries, local/central mismatches)", () => {
  const SHEET = { name: "xl/worksheets/sheet1.xml", data: utf8("<worksheet><sheetData/></worksheet>") };
  const cdRecords = (zip: Buffer) => {
    const at: number[] = [];
    for (let i = zip.indexOf("PK\u0001\u0002", 0, "latin1"); i >= 0; i = zip.indexOf("PK\u0001\u0002", i + 4, "latin1")) at.push(i);
    return at;
  };

  it("a 300 MB sheet left out of the directory is refused in seconds, before anything inflates it", async () => {
    // Valid sheet XML, millions of rows: a reader that streamed it would parse for minutes.
    const file = hiddenEntryWorkbook(await sheetBomb(300 * 1024 * 1024));
    const started = Date.now();
    const e = await refused(file);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.code).toBe("corrupt");
    expect(e.message).toMatch(/holds data its ZIP directory does not list/);
  }, 60_000);

  it("bytes between the last entry and the directory", async () => {
    const zip = makeZip([WORKBOOK, SHEET]);
    const cd = cdRecords(zip)[0]!;
    const junk = Buffer.from("PK\u0003\u0004 junk", "latin1");
    const padded = Buffer.concat([zip.subarray(0, cd), junk, zip.subarray(cd)]);
    // Point the end record at the moved directory.
    padded.writeUInt32LE(cd + junk.length, padded.length - 22 + 16);
    expect((await refused(padded)).message).toMatch(/does not list/);
  });

  it("a local header naming another part than the directory", async () => {
    const liar = { ...SHEET, localName: "xl/worksheets/sheet9.xml" };
    expect((await refused(makeZip([WORKBOOK, liar]))).message).toMatch(/local header of xl\/worksheets\/sheet1.xml does not match/);
  });

  it("a local header declaring other sizes than the directory", async () => {
    const zip = makeZip([WORKBOOK, SHEET]);
    const local = zip.indexOf("PK\u0003\u0004", 4, "latin1"); // the sheet's local header
    zip.writeUInt32LE(50 * 1024 * 1024, local + 22);
    expect((await refused(zip)).message).toMatch(/does not match the ZIP directory/);
  });

  it("two directory records for one local entry, and one name listed twice", async () => {
    const zip = makeZip([WORKBOOK, SHEET]);
    zip.writeUInt32LE(0, cdRecords(zip)[1]! + 42);
    expect((await refused(zip)).message).toMatch(/overlaps/);
    expect((await refused(makeZip([WORKBOOK, SHEET, { ...SHEET }]))).message).toMatch(/appears twice/);
  });

  it("zlib's own error text never reaches the message", async () => {
    const bad = { name: "xl/worksheets/sheet1.xml", data: utf8("<worksheet/>"), raw: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]) };
    const e = await refused(makeZip([WORKBOOK, bad]));
    expect(e.message).not.toMatch(/invalid|block|stored|distance/i);
  });
});
