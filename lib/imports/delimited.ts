/**
 * Delimited text (CSV, TSV, `;`, `|`): delimiter detection and a streaming row reader.
 *
 * Field parsing (quotes, escaped quotes, delimiters and line breaks inside quotes) is PapaParse's
 * core parser, fed with decoded text chunks as they arrive; this module keeps the unparsed tail of
 * each chunk, normalises line breaks (CRLF, LF and old-Mac CR may be mixed) and numbers every row
 * with the 1-based physical line it starts on, counting line breaks inside quoted fields.
 */
import Papa from "papaparse";
import type { RawRow } from "./types";

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Text looked at to pick the delimiter. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/**
 * Picks the delimiter whose count per record (outside quotes) is the most consistent over the
 * first records of the sample; preamble lines and free text with stray commas lose against a
 * column structure. Defaults to "," when nothing splits the lines.
 */
export function detectDelimiter(sample: string): Delimiter {
  const counts = countPerRecord(sample);
  let best: { d: Delimiter; score: number; mode: number } = { d: ",", score: 0, mode: 0 };
  for (const d of DELIMITERS) {
    const perRecord = counts.map((c) => c[d]);
    if (perRecord.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of perRecord) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [n, f] of freq) if (f > modeFreq || (f === modeFreq && n > mode)) [mode, modeFreq] = [n, f];
    const score = modeFreq / perRecord.length;
    if (score > best.score || (score === best.score && score > 0 && mode > best.mode)) best = { d, score, mode };
  }
  return best.d;
}

/** Delimiter counts per non-blank record, outside quoted fields. */
function countPerRecord(sample: string): Record<Delimiter, number>[] {
  const out: Record<Delimiter, number>[] = [];
  let cur = zero();
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  for (let i = 0; i < sample.length && out.length < SAMPLE_RECORDS; i++) {
    const c = sample[i];
    if (inQuotes) {
      if (c === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      blank = false;
      fieldStart = false;
    } else if (c === "\n" || c === "\r") {
      if (!blank) out.push(cur);
      cur = zero();
      blank = true;
      fieldStart = true;
    } else if (c === "," || c === ";" || c === "\t" || c === "|") {
      cur[c]++;
      fieldStart = true;
      blank = false;
    } else {
      if (c !== " ") blank = false;
      if (c !== " ") fieldStart = false;
    }
  }
  if (!blank && out.length < SAMPLE_RECORDS) out.push(cur);
  return out;
}

function zero(): Record<Delimiter, number> {
  return { ",": 0, ";": 0, "\t": 0, "|": 0 };
}

/** Normalises CRLF and lone CR to LF across chunk boundaries. */
class LineBreakNormaliser {
  private pendingCR = false;
  push(chunk: string): string {
    let s = chunk;
    if (this.pendingCR) {
      s = "\r" + s;
      this.pendingCR = false;
    }
    if (s.endsWith("\r")) {
      this.pendingCR = true;
      s = s.slice(0, -1);
    }
    return s.indexOf("\r") === -1 ? s : s.replace(/\r\n?/g, "\n");
  }
  end(): string {
    const s = this.pendingCR ? "\n" : "";
    this.pendingCR = false;
    return s;
  }
}

function countLineBreaks(row: string[]): number {
  let n = 0;
  for (const cell of row) {
    if (cell.length === 0) continue;
    for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  }
  return n;
}

export interface DelimitedRows {
  delimiter: Delimiter;
  /** Rows in file order, in batches; a blank line is a row with one empty cell. */
  batches: AsyncGenerator<RawRow[]>;
  /** Problems PapaParse reported (malformed or unterminated quotes), with the line they start on. */
  problems: { line: number; message: string }[];
}

/**
 * Opens a stream of decoded text as delimited rows. Reads ahead up to 64 KB to detect the
 * delimiter (unless given), then parses chunk by chunk: memory stays bounded by the chunk size
 * plus the longest record.
 */
export async function openDelimited(
  text: AsyncIterable<string>,
  opts: { delimiter?: Delimiter; sampleChars?: number } = {},
): Promise<DelimitedRows> {
  const it = text[Symbol.asyncIterator]();
  const normaliser = new LineBreakNormaliser();
  let sample = "";
  let done = false;
  while (!done && sample.length < (opts.sampleChars ?? SAMPLE_CHARS)) {
    const r = await it.next();
    if (r.done) {
      sample += normaliser.end();
      done = true;
    } else sample += normaliser.push(r.value);
  }
  const delimiter = opts.delimiter ?? detectDelimiter(sample);
  const problems: DelimitedRows["problems"] = [];

  // Rows are handed out in batches (one per parsed chunk): a million rows, not a million awaits.
  async function* batches(): AsyncGenerator<RawRow[]> {
    const parser = new Papa.Parser({ delimiter, newline: "\n", quoteChar: '"' });
    let line = 1;
    let partial = "";
    const parse = (input: string, last: boolean): RawRow[] => {
      // A final line break ends the last record; it does not start an empty one.
      const body = last && input.endsWith("\n") ? input.slice(0, -1) : input;
      if (body.length === 0) return [];
      const res = parser.parse(body, 0, !last) as Papa.ParseResult<string[]>;
      const out: RawRow[] = new Array(res.data.length);
      for (let i = 0; i < res.data.length; i++) {
        const row = res.data[i];
        out[i] = { line, cells: row };
        line += 1 + countLineBreaks(row);
      }
      for (const e of res.errors) problems.push({ line: out[e.row ?? 0]?.line ?? line, message: e.message });
      partial = last ? "" : body.slice(res.meta.cursor);
      return out;
    };
    const first = parse(sample, done);
    sample = "";
    if (first.length > 0) yield first;
    while (!done) {
      const r = await it.next();
      const chunk = r.done ? normaliser.end() : normaliser.push(r.value);
      done = !!r.done;
      const rows = parse(partial + chunk, done);
      if (rows.length > 0) yield rows;
    }
  }
  return { delimiter, batches: batches(), problems };
}
