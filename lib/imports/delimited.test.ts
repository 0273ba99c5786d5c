import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { detectDelimiter, openDelimited, type Delimiter } from "./delimited";
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

/**
 * The reference: PapaParse on the whole text as one chunk (as the reader used it before the
 * splitter: records ended by a line break first, then the rest as the end of the file).
 */
function papaRowsOf(s: string, delimiter: string): { rows: RawRow[]; problems: unknown[] } {
  const parser = new Papa.Parser({ delimiter, newline: "\n", quoteChar: '"' });
  const rows: RawRow[] = [];
  const problems: { line: number; message: string }[] = [];
  let line = 1;
  const parse = (input: string, last: boolean): string => {
    const body = last && input.endsWith("\n") ? input.slice(0, -1) : input;
    if (body.length === 0) return "";
    const res = parser.parse(body, 0, !last) as Papa.ParseResult<string[]>;
    const first = rows.length;
    for (const row of res.data) {
      rows.push({ line, cells: row });
      line += 1 + row.reduce((n, c) => n + c.split("\n").length - 1, 0);
    }
    for (const e of res.errors) {
      if (!last && (e.row ?? 0) >= res.data.length) continue; // the unfinished record: judged with the rest
      const p = { line: rows[first + (e.row ?? 0)]?.line ?? line, message: e.message };
      if (!problems.some((q) => q.line === p.line && q.message === p.message)) problems.push(p);
    }
    return last ? "" : body.slice(res.meta.cursor);
  };
  parse(parse(s.replace(/\r\n?/g, "\n"), false), true);
  return { rows, problems };
}

/** The reader with a given delimiter and a 2-character read-ahead (chunk boundaries everywhere). */
async function splitOf(s: string, size: number, delimiter: Delimiter) {
  const d = await openDelimited(pieces(s, size), { delimiter, sampleChars: 2 });
  const rows: RawRow[] = [];
  for await (const batch of d.batches) rows.push(...batch);
  return { rows, problems: d.problems };
}

describe("the splitter gives PapaParse's rows", () => {
  const cases: [string, string][] = [
    ["CRLF", "a,b,c\r\n1,2,3\r\n4,5,6\r\n"],
    ["lone CR", "a,b\r1,2\r3,4"],
    ["quotes mid-field are text", 'a,b\n1,x"y"z\n2,"q"\n3,ab"\n'],
    ["empty fields and a trailing delimiter", "a,b,c\n,,\n1,,3,\n,\n\n\n"],
    ["quoted field with delimiters, doubled quotes and line breaks", 'a,b\n1,"x, y ""z""\r\nw"\n"",2\n""""""," , "\n'],
    ["a quoted field last on the line and at the end of the file", 'a,b\n1,"x"\n2,"y"'],
    ["no final line break", "a;b\n1;2"],
    ["only line breaks", "\n\n\n"],
    ["spaces after a closing quote (PapaParse's rule)", 'a,b\n"x"  ,1\n"y" \n2,3\n'],
    ["a stray quote after a closing one", 'a,b\n"x"y,1\n2,3\n'],
    ["an unterminated quote", 'a,b\n1,"open\n2,3\n4,5\n'],
    ["an unterminated quote at the very end", 'a,b\n1,"open'],
    ["a closing quote at the very end", 'a,b\n1,"x"'],
    ["an escaped quote at the very end", 'a,b\n1,"x""'],
    ["tabs", 'a\tb\n"1\t2"\t3\n'],
    ["a quote that opens a field after spaces is text", 'a,b\n "x,y",1\n'],
  ];
  it.each(cases)("%s, whatever the chunk boundaries", async (_name, text) => {
    const delimiter = detectDelimiter(text);
    const expected = papaRowsOf(text, delimiter);
    for (const size of [1, 2, 3, 4, 5, 7, 11, 64, 1 << 20]) {
      const got = await splitOf(text, size, delimiter);
      expect({ rows: got.rows, problems: got.problems }).toEqual(expected);
    }
  });

  it("random files with quotes, delimiters and line breaks anywhere", async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ['"', '"', ",", ",", "\n", "\r\n", "\r", "a", "b", " ", ";", "x"];
    for (let n = 0; n < 1000; n++) {
      let text = "h1,h2,h3\n";
      const len = Math.floor(rnd() * 80);
      for (let i = 0; i < len; i++) {
        const r = rnd();
        if (r < 0.15) text += `"${["a,b", 'c""d', "e\nf", "", " "][Math.floor(rnd() * 5)]}"`;
        else text += alphabet[Math.floor(rnd() * alphabet.length)];
      }
      const expected = papaRowsOf(text, ",");
      for (const size of [1, 3, 16, 1 << 20]) {
        const got = await splitOf(text, size, ",");
        expect({ rows: got.rows, problems: got.problems }, JSON.stringify(text)).toEqual(expected);
      }
    }
  });
});

describe("the splitter's cost", () => {
  it("a file without delimiters (one column) is split in linear time", async () => {
    const text = "SKU\n" + "ABC-123\n".repeat(400_000);
    const t0 = performance.now();
    const { rows } = await splitOf(text, 1 << 20, ",");
    expect(rows).toHaveLength(400_001);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it("so is one with a quote on every line and no delimiter", async () => {
    const text = "Part\n" + 'Pipe 5" long\n'.repeat(400_000);
    const t0 = performance.now();
    const { rows } = await splitOf(text, 1 << 20, ",");
    expect(rows).toHaveLength(400_001);
    expect(rows[1].cells).toEqual(['Pipe 5" long']);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
