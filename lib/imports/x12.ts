/**
 * X12 852 / 867 files → the upload answer. Segments stream through the envelope checker into
 * the transaction-set reader; what a set yields is held until its SE (up to SET_BUFFER records,
 * then streamed) so a transmission cut off inside a set counts only the complete sets, and the
 * answer says which part was cut off. `line` in the answer is the segment's 1-based position in
 * the file (the physical line when segments sit one per line).
 */
import { addGsSender, addIsaSender, addPartySender, emptySender, hasSender, SENDER_PARTIES } from "../domain/edi-sender";
import { Aggregator, type AggregateOptions } from "./aggregate";
import { ImportError } from "./errors";
import type { UploadResult, Warning } from "./types";
import { Reader852 } from "./x12-852";
import { Reader867 } from "./x12-867";
import type { X12Out } from "./x12-items";
import { el, readSegments, type Separators } from "./x12-segments";

const NAMES: Record<string, string> = { "810": "an invoice (810)", "850": "a purchase order (850)", "856": "a ship notice (856)", "846": "an inventory advice (846)" };
/** Records of one transaction set held back until its SE; a larger set streams (and a cut in it rejects the file). */
export const SET_BUFFER = 50_000;

export async function readX12(text: AsyncIterable<string>, opts: AggregateOptions): Promise<UploadResult & { separators?: Separators }> {
  let agg: Aggregator | null = null;
  let reader: Reader852 | Reader867 | null = null;
  let type: string | null = null;
  let separators: Separators | undefined;
  let filePeriod: UploadResult["filePeriod"];
  const pending: Promise<void>[] = [];
  const envelopeWarnings: Warning[] = [];
  let held: X12Out[] = [];
  let streamed = false;
  let completeSets = 0;
  const sender = emptySender();

  const apply = (o: X12Out) => {
    const a = agg!;
    if (o.t === "pos") {
      const p = a.pos(o.record);
      if (p) pending.push(p);
    }
    else if (o.t === "summary") a.summary(o.record);
    else if (o.t === "error") a.error({ line: o.line, column: o.column, message: o.message });
    else if (o.t === "skip") a.skip({ line: o.line, reason: o.reason });
    else if (o.t === "warn") a.warn({ line: o.line, code: o.code, message: o.message });
    else if (o.t === "note") a.note(o.note);
    else filePeriod = { start: o.start ?? filePeriod?.start, end: o.end ?? filePeriod?.end };
  };
  const emit = (o: X12Out) => {
    if (streamed) return apply(o);
    held.push(o);
    if (held.length >= SET_BUFFER) {
      streamed = true;
      for (const h of held.splice(0)) apply(h);
    }
  };
  const release = () => {
    for (const h of held) apply(h);
    held = [];
    streamed = false;
  };

  const hooks = {
    onSeparators: (x: Separators) => (separators = x),
    onWarning: (line: number, message: string) => envelopeWarnings.push({ line, code: "envelope", message: `Envelope: ${message}` }),
    onCutOff: (c: { control: string; start: number; position: number; why: string }) => {
      const what = `Transaction set ${c.control || "(no ST02)"} (ST at segment ${c.start}) is cut off: ${c.why}.`;
      if (streamed) {
        throw new ImportError("corrupt", `${what} Its first ${SET_BUFFER.toLocaleString("en-US")}+ records were already read, so the file cannot be read in part; send the complete transmission`);
      }
      const items = reader?.itemCount ?? 0;
      envelopeWarnings.push({ line: c.start, code: "transmission_cut", message: `${what} Its ${items} item(s) read so far are not counted; the ${completeSets} complete transaction set(s) are. Send the rest of the transmission.` });
      held = [];
      reader = null;
    },
  };

  for await (const s of readSegments(text, hooks)) {
    if (s.id === "ISA") addIsaSender(sender, el(s, 5), el(s, 6));
    else if (s.id === "GS") addGsSender(sender, el(s, 2));
    else if (s.id === "N1" && SENDER_PARTIES.has(el(s, 1).toUpperCase())) addPartySender(sender, el(s, 3), el(s, 4));
    if (s.id === "ST") {
      const st01 = el(s, 1);
      if (st01 !== "852" && st01 !== "867") {
        throw new ImportError("unsupported", `This EDI file is ${NAMES[st01] ?? `transaction set ${st01}`}; Sellthru reads 867 (resale report) and 852 (product activity)`);
      }
      if (type && type !== st01) throw new ImportError("unsupported", "This EDI file mixes 852 and 867 transaction sets; send them as separate files");
      type = st01;
      agg ??= new Aggregator(st01 === "867" ? "x12-867" : "x12-852", st01 === "867" ? "pos_lines" : "summary", opts);
      reader = st01 === "867" ? new Reader867(emit) : new Reader852(emit);
      reader.segment(s);
      continue;
    }
    if (reader) reader.segment(s);
    if (s.id === "SE" && reader) {
      reader = null;
      completeSets++;
      release();
    }
    if (pending.length > 0) await Promise.all(pending.splice(0));
  }
  if (pending.length > 0) await Promise.all(pending.splice(0));
  if (!agg) throw new ImportError("empty", "The EDI file holds no transaction set (ST … SE)");
  if (completeSets === 0) throw new ImportError("corrupt", `The EDI file holds no complete transaction set (ST … SE). ${envelopeWarnings.map((w) => w.message).join(" ")}`.trim());
  const result: UploadResult & { separators?: Separators } = await agg.finish();
  result.warnings.unshift(...envelopeWarnings);
  if (filePeriod) {
    result.filePeriod = filePeriod;
    const months = [filePeriod.start, filePeriod.end].filter(Boolean).map((d) => d!.slice(0, 7));
    if (months.some((m) => m !== opts.period)) {
      result.warnings.push({ code: "file_period", message: `The file reports ${filePeriod.start ?? "?"} to ${filePeriod.end ?? "?"}, not the period ${opts.period}` });
    }
  }
  if (hasSender(sender)) result.sender = sender;
  result.separators = separators;
  return result;
}
