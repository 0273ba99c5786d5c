/**
 * X12 852 / 867 files → the upload answer. Segments stream through the envelope checker into
 * the transaction-set reader; records go straight into the aggregator. `line` in the answer is
 * the segment's 1-based position in the file (the physical line when segments sit one per line).
 */
import { Aggregator, type AggregateOptions } from "./aggregate";
import { ImportError } from "./errors";
import type { UploadResult } from "./types";
import { Reader852 } from "./x12-852";
import { Reader867 } from "./x12-867";
import type { X12Out } from "./x12-items";
import { el, readSegments, type Separators } from "./x12-segments";

const NAMES: Record<string, string> = { "810": "an invoice (810)", "850": "a purchase order (850)", "856": "a ship notice (856)", "846": "an inventory advice (846)" };

export async function readX12(text: AsyncIterable<string>, opts: AggregateOptions): Promise<UploadResult & { separators?: Separators }> {
  let agg: Aggregator | null = null;
  let reader: Reader852 | Reader867 | null = null;
  let type: string | null = null;
  let separators: Separators | undefined;
  let filePeriod: UploadResult["filePeriod"];
  const pending: Promise<void>[] = [];

  const emit = (o: X12Out) => {
    const a = agg!;
    if (o.t === "pos") {
      const p = a.pos(o.record);
      if (p) pending.push(p);
    }
    else if (o.t === "summary") a.summary(o.record);
    else if (o.t === "error") a.error({ line: o.line, column: o.column, message: o.message });
    else if (o.t === "skip") a.skip({ line: o.line, reason: o.reason });
    else if (o.t === "warn") a.warn({ line: o.line, message: o.message });
    else filePeriod = { start: o.start, end: o.end };
  };

  for await (const s of readSegments(text, (x) => (separators = x))) {
    if (s.id === "ST") {
      const st01 = el(s, 1);
      if (st01 !== "852" && st01 !== "867") {
        throw new ImportError("unsupported", `This EDI file is ${NAMES[st01] ?? `transaction set ${st01}`}; Sellthru reads 867 (resale report) and 852 (product activity)`);
      }
      if (type && type !== st01) throw new ImportError("unsupported", "This EDI file mixes 852 and 867 transaction sets; send them as separate files");
      type = st01;
      agg ??= new Aggregator(st01 === "867" ? "x12-867" : "x12-852", st01 === "867" ? "pos_lines" : "summary", opts);
      reader = st01 === "867" ? new Reader867(emit) : new Reader852(emit);
      continue;
    }
    if (reader) reader.segment(s);
    if (s.id === "SE") reader = null;
    if (pending.length > 0) await Promise.all(pending.splice(0));
  }
  if (!agg) throw new ImportError("empty", "The EDI file holds no transaction set (ST … SE)");
  const result: UploadResult & { separators?: Separators } = await agg.finish();
  if (filePeriod) {
    result.filePeriod = filePeriod;
    const months = [filePeriod.start, filePeriod.end].filter(Boolean).map((d) => d!.slice(0, 7));
    if (months.some((m) => m !== opts.period)) {
      result.warnings.push({ message: `The file reports ${filePeriod.start ?? "?"} to ${filePeriod.end ?? "?"}, not the period ${opts.period}` });
    }
  }
  result.separators = separators;
  return result;
}
