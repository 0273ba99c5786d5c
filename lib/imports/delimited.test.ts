import { describe, expect, it } from "vitest";
import { detectDelimiter, openDelimited } from "./delimited";
import type { RawRow } from "./types";

async function* pieces(s: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < s.length; i += size) yield s.slice(i, i + size);
}
async function rowsOf(s: string, size = 1 << 20, sampleChars?: number): Promise<{ rows: RawRow[]; delimiter: string; problems: unknown[] }> {
  const d = await openDelimited(pieces(s, size), { sampleChars });
  const rows: RawRow[] = [];
  for await (const batch of d.batches) rows.push(...batch);
  return { rows, delimiter: d.delimiter, problems: d.problems };
}

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["Artikelnummer;Bezeichnung;Menge\nMCU-1000;32-bit MCU, 64 KB flash, QFN-32;392\nLDO;LDO, 3.3 V;1\n", ";"],
    ["Item\tDescription\tQty\nNW-1\tA, B, C\t5\n", "\t"],
    ["SKU|Qty|Date\nA|1|2026-10-01\nB|2|2026-10-02\n", "|"],
    ['"a,b";c;d\n"x,y";1;2\n', ";"],
    ["Report for October, 2026\nPrepared by: ops, Berlin\n\nSKU;Qty;Date\nA;1;x\nB;2;y\nC;3;z\n", ";"],
    ["just one column\nvalue\n", ","],
  ])("%j → %j", (text, d) => expect(detectDelimiter(text)).toBe(d));
});

describe("openDelimited", () => {
  const text = 'Title line\r\n\r\nSKU,Note,Qty\r\nA,"line one\r\nline two, with comma",5\r\nB,"say ""hi""",6\r\nC,plain,7';

  it("quoted fields keep commas, quotes and line breaks; rows carry the physical line they start on", async () => {
    const { rows } = await rowsOf(text);
    expect(rows).toEqual([
      { line: 1, cells: ["Title line"] },
      { line: 2, cells: [""] },
      { line: 3, cells: ["SKU", "Note", "Qty"] },
      { line: 4, cells: ["A", "line one\nline two, with comma", "5"] },
      { line: 6, cells: ["B", 'say "hi"', "6"] },
      { line: 7, cells: ["C", "plain", "7"] },
    ]);
  });

  it("gives the same rows whatever the chunk boundaries (past the read-ahead sample)", async () => {
    const expected = (await rowsOf(text)).rows;
    for (const size of [1, 2, 3, 5, 8, 13]) expect((await rowsOf(text, size, 4)).rows).toEqual(expected);
  });

  it("a final line break does not add a row; old-Mac CR and mixed line endings work", async () => {
    expect((await rowsOf("a;b\n1;2\n")).rows).toHaveLength(2);
    expect((await rowsOf("a;b\r1;2\r3;4")).rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect((await rowsOf("a;b\r\n1;2\n3;4\r5;6")).rows.map((r) => r.cells[0])).toEqual(["a", "1", "3", "5"]);
  });

  it("reports an unterminated quote with its line", async () => {
    const { rows, problems } = await rowsOf('a,b\n1,"open\n2,3\n');
    expect(rows[1].line).toBe(2);
    expect(problems).toEqual([{ line: 2, message: "Quoted field unterminated" }]);
  });

  it("streams: a 5 MB file in 64 KB chunks keeps exact line numbers", async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 0 ? `X${i},"multi\nline",${i}` : `X${i},plain,${i}`)).join("\n");
    const d = await openDelimited(pieces("SKU,Note,Qty\n" + body, 65_536));
    let n = 0;
    let last: RawRow | undefined;
    for await (const batch of d.batches) {
      n += batch.length;
      last = batch.at(-1);
    }
    expect(n).toBe(100_001);
    expect(last).toEqual({ line: 100_001 + 100, cells: ["X99999", "plain", "99999"] });
  });
});
