/**
 * Delimited text (CSV, TSV, `;`, `|`): delimiter detection and a streaming row reader.
 *
 * Rows are split by a small splitter of our own ({@link RecordSplitter}: `indexOf` and `slice`,
 * quoted fields with delimiters, escaped quotes and line breaks inside) fed with decoded text chunks
 * as they arrive; PapaParse's core parser takes over only for malformed quoting (a stray quote after
 * a closing one, an unterminated quote at the end of the file), so its rules and messages stay the
 * reference. This module keeps the unparsed tail of each chunk, normalises line breaks (CRLF, LF and
 * old-Mac CR may be mixed) and numbers every row with the 1-based physical line it starts on,
 * counting line breaks inside quoted fields.
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

/**
 * True when every carriage return is followed by a line feed: Windows line breaks, which the
 * splitter reads as they are (copying every chunk to drop them cost a tenth of a million-line read).
 */
function onlyCrlf(s: string): boolean {
  for (let i = s.indexOf("\r"); i !== -1; i = s.indexOf("\r", i + 2)) if (s.charCodeAt(i + 1) !== 10) return false;
  return true;
}

/** CRLF and LF pass (the splitter drops a CR before LF); chunks with a lone CR are normalised to LF. */
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
    return onlyCrlf(s) ? s : s.replace(/\r\n?/g, "\n");
  }
  /** No carriage return held back for the next chunk. */
  idle(): boolean {
    return !this.pendingCR;
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

const QUOTE = 34;
const LF = 10;
const CR = 13;
const CR_LF = /\r\n?/g;
const ESCAPED_QUOTE = /""/g;
/** Rows handed out per batch: small batches keep few rows alive at once (young-generation GC). */
const BATCH_ROWS = 512;

/**
 * Where {@link RecordSplitter.take} stopped: `more` — it needs more text for the record at `pos`
 * (no line break yet, or a quote still open); `papa` — the record at `pos` has a quote shape only
 * PapaParse decides (text between a closing quote and the delimiter, an unterminated quote at the
 * end of the file…): the rest of the buffer goes through PapaParse as before.
 */
type Stop = "full" | "more" | "papa";

/**
 * The hot path of {@link openDelimited}: splits complete, well-formed records with `indexOf` and
 * `slice` (a line without a quote needs no quote handling), giving exactly the rows PapaParse
 * gives for them. A quoted field is a field whose first character is a quote; `""` inside is a
 * quote; the closing quote must be followed by the delimiter or a line break, else PapaParse takes
 * over (its rules for stray and unterminated quotes, and its error messages, stay the reference).
 */
class RecordSplitter {
  buf = "";
  pos = 0;
  line = 1;
  /** Index of the next quote at or after `pos` (-1: none in `buf`); refreshed lazily. */
  private nextQuote = -1;
  /**
   * Index of the next delimiter at or after the current field (-1: none left in `buf`, -2: not
   * looked for yet): a file without delimiters is not scanned to its end again for every line.
   */
  private nextDelim = -2;
  private readonly delimCode: number;

  constructor(private readonly delimiter: string) {
    this.delimCode = delimiter.charCodeAt(0);
  }

  /** Appends text (the unconsumed tail is kept). */
  feed(text: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.pos = 0;
    this.nextQuote = this.buf.indexOf('"');
    this.nextDelim = -2;
  }

  /** The unconsumed text, which the caller then owns. */
  rest(): string {
    const r = this.buf.slice(this.pos);
    this.buf = "";
    this.pos = 0;
    this.nextQuote = -1;
    this.nextDelim = -2;
    return r;
  }

  take(out: RawRow[], max: number): Stop {
    const s = this.buf;
    const d = this.delimiter;
    let pos = this.pos;
    let q = this.nextQuote;
    let nd = this.nextDelim;
    let stop: Stop = "full";
    while (out.length < max) {
      const nl = s.indexOf("\n", pos);
      if (nl === -1) {
        stop = "more";
        break;
      }
      if (q !== -1 && q < pos) q = s.indexOf('"', pos);
      if (q === -1 || q > nl) {
        // No quote on the line: fields between delimiters (indexOf beats slice + split here).
        const cells: string[] = [];
        let p = pos;
        for (;;) {
          if (nd !== -1 && nd < p) nd = s.indexOf(d, p);
          if (nd === -1 || nd > nl) break;
          cells.push(s.slice(p, nd));
          p = nd + 1;
        }
        cells.push(s.slice(p, nl > p && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl));
        out.push({ line: this.line++, cells });
        pos = nl + 1;
        continue;
      }
      const end = this.quotedRecord(pos, out);
      if (end < 0) {
        stop = end === -1 ? "more" : "papa";
        break;
      }
      pos = end;
    }
    this.pos = pos;
    this.nextQuote = q;
    this.nextDelim = nd;
    return stop;
  }

  /** A record with a quote somewhere: field by field. Returns the next record's start, -1 (more text) or -2 (PapaParse). */
  private quotedRecord(start: number, out: RawRow[]): number {
    const s = this.buf;
    const d = this.delimiter;
    const dc = this.delimCode;
    const cells: string[] = [];
    let breaks = 0;
    let p = start;
    for (;;) {
      if (s.charCodeAt(p) === QUOTE) {
        let qi = p + 1;
        let escaped = false;
        for (;;) {
          qi = s.indexOf('"', qi);
          if (qi === -1) return -1;
          if (s.charCodeAt(qi + 1) !== QUOTE) break;
          escaped = true;
          qi += 2;
        }
        // A closing quote at the very end: the record may go on in the next chunk (or ends the file).
        if (qi === s.length - 1) return -1;
        let after = s.charCodeAt(qi + 1);
        let next = qi + 2;
        if (after === CR) {
          if (qi + 2 === s.length) return -1;
          if (s.charCodeAt(qi + 2) === LF) {
            after = LF;
            next = qi + 3;
          }
        }
        if (after !== dc && after !== LF) return -2;
        let v = s.slice(p + 1, qi);
        if (escaped) v = v.replace(ESCAPED_QUOTE, '"');
        if (v.indexOf("\r") !== -1) v = v.replace(CR_LF, "\n");
        for (let i = v.indexOf("\n"); i !== -1; i = v.indexOf("\n", i + 1)) breaks++;
        cells.push(v);
        p = next;
        if (after === LF) break;
        continue;
      }
      const nn = s.indexOf("\n", p);
      if (nn === -1) return -1;
      if (this.nextDelim !== -1 && this.nextDelim < p) this.nextDelim = s.indexOf(d, p);
      const nd = this.nextDelim;
      if (nd !== -1 && nd < nn) {
        cells.push(s.slice(p, nd));
        p = nd + 1;
        continue;
      }
      cells.push(s.slice(p, nn > p && s.charCodeAt(nn - 1) === CR ? nn - 1 : nn));
      p = nn + 1;
      break;
    }
    out.push({ line: this.line, cells });
    this.line += 1 + breaks;
    return p;
  }
}

export interface DelimitedRows {
  delimiter: Delimiter;
  /** Rows in file order, in batches; a blank line is a row with one empty cell. */
  batches: AsyncGenerator<RawRow[]>;
  /** Problems PapaParse reported (malformed or unterminated quotes), with the line they start on. */
  problems: { line: number; message: string }[];
  /**
   * True when every complete record of the text read so far has been handed out and nothing is
   * left over: the text so far ends exactly at a record boundary (outside quotes).
   */
  atRecordBoundary(): boolean;
  /** The line the next record starts on. */
  nextLine(): number;
}

/**
 * Opens a stream of decoded text as delimited rows. Reads ahead up to 64 KB to detect the
 * delimiter (unless given), then parses chunk by chunk: memory stays bounded by the chunk size
 * plus the longest record.
 */
export async function openDelimited(
  text: AsyncIterable<string>,
  opts: { delimiter?: Delimiter; sampleChars?: number; startLine?: number } = {},
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
  const splitter = new RecordSplitter(delimiter);
  splitter.line = opts.startLine ?? 1;
  let handedOut = true;

  // Rows are handed out in small batches: a million rows, not a million awaits, and few alive at once.
  async function* batches(): AsyncGenerator<RawRow[]> {
    let parser: Papa.Parser | null = null;
    const reported = new Set<string>();
    /** PapaParse for what the splitter leaves to it: `input` starts at a record; returns the unparsed tail. */
    const papa = (text: string, last: boolean, out: RawRow[]): string => {
      // PapaParse reads LF line breaks only (the splitter let CRLF through).
      const input = text.indexOf("\r") === -1 ? text : text.replace(CR_LF, "\n");
      // Records ended by a line break first, then what is left as the end of the file.
      const tail = papaOnce(input, false, out);
      return last ? papaOnce(tail, true, out) : tail;
    };
    const papaOnce = (input: string, last: boolean, out: RawRow[]): string => {
      // A final line break ends the last record; it does not start an empty one.
      const body = last && input.endsWith("\n") ? input.slice(0, -1) : input;
      if (body.length === 0) return "";
      parser ??= new Papa.Parser({ delimiter, newline: "\n", quoteChar: '"' });
      const res = parser.parse(body, 0, !last) as Papa.ParseResult<string[]>;
      const first = out.length;
      for (const row of res.data) {
        out.push({ line: splitter.line, cells: row });
        splitter.line += 1 + countLineBreaks(row);
      }
      for (const e of res.errors) {
        // The unfinished record at the end of a chunk is parsed again with the next chunk (what looks
        // malformed may only be cut off): only problems of returned rows count, each reported once.
        if (!last && (e.row ?? 0) >= res.data.length) continue;
        const line = out[first + (e.row ?? 0)]?.line ?? splitter.line;
        const key = `${line}\u0000${e.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push({ line, message: e.message });
      }
      return last ? "" : body.slice(res.meta.cursor);
    };
    splitter.feed(sample);
    sample = "";
    for (;;) {
      let out: RawRow[] = [];
      const stop = splitter.take(out, BATCH_ROWS);
      if (stop === "papa" || (stop === "more" && done)) splitter.feed(papa(splitter.rest(), done, out));
      if (out.length > 0) {
        handedOut = false;
        yield out;
        handedOut = true;
      }
      out = [];
      if (stop === "full") continue;
      if (done) return; // at the end PapaParse took whatever the splitter left
      const r = await it.next();
      const chunk = r.done ? normaliser.end() : normaliser.push(r.value);
      done = !!r.done;
      splitter.feed(chunk);
    }
  }
  return {
    delimiter,
    batches: batches(),
    problems,
    atRecordBoundary: () => handedOut && splitter.pos >= splitter.buf.length && normaliser.idle(),
    nextLine: () => splitter.line,
  };
}
