/**
 * ANSI X12 interchange reader, tolerant of envelopes as real translators write them. Separators
 * come from the file, never assumed: element separator = ISA character 4; ISA16 (the component
 * separator) is the character after the 16th element separator, whatever the widths of ISA01…15
 * (an 18-character ISA08, a 10-digit ISA13, empty ISA02/ISA04 all occur); the segment terminator
 * is the character after ISA16 (CR/LF after it are tolerated); the repetition separator is ISA11
 * when it is not an alphanumeric standards id (00402+). A bare ST … SE without ISA/GS is read too:
 * its element separator follows "ST", its terminator is the first of ~ ] ' newline after it.
 *
 * Envelopes ISA/IEA, GS/GE, ST/SE are checked as they pass, but a count or control-number mismatch
 * (SE01, SE02, GE01, GE02, IEA01, IEA02, an ST02 repeated in one GS) is a warning, not a rejected
 * file: the data inside is what counts. Only text that is not X12 at all throws ImportError "corrupt".
 * A transaction set cut off (no SE: a truncated transmission, or an ST before the SE of the one
 * before) is reported through `onCutOff` so the caller can drop what it read of it.
 */
import { ImportError } from "./errors";

export interface Separators {
  element: string;
  component: string;
  segment: string;
  repetition?: string;
}

export interface Segment {
  id: string;
  /** elements[1] is the first data element (X12 numbering: ISA01 = elements[1]). */
  elements: string[];
  /** 1-based position of the segment in the file. */
  position: number;
}

/** Element `n` (1-based) or "" when absent. */
export const el = (s: Segment, n: number) => (s.elements[n] ?? "").trim();

export const x12Error = (position: number, id: string, why: string) =>
  new ImportError("corrupt", `X12 segment ${position} (${id}): ${why}`, { position, segment: id });

const NOT_A_SEPARATOR = /[A-Za-z0-9 ]/;
/** Terminators looked for after a bare ST (no ISA to declare one). */
const BARE_TERMINATORS = /[~'\]\n\r\x1c\x1d\x1e\x85!]/;

/** Reads the separators from the ISA segment starting at `isa[0]` (field widths are not relied on). */
export function readSeparators(isa: string): Separators {
  if (!isa.startsWith("ISA")) throw x12Error(1, "ISA", "the interchange does not start with ISA");
  const element = isa[3];
  if (!element || NOT_A_SEPARATOR.test(element)) throw x12Error(1, "ISA", `"${element ?? ""}" after ISA cannot be an element separator`);
  const fields: string[] = [];
  let from = 4;
  for (let i = 0; i < 15; i++) {
    const at = isa.indexOf(element, from);
    if (at < 0 || at - from > 40) throw x12Error(1, "ISA", `the ISA segment ends before ISA16 (found ${i + 1} of its 16 elements)`);
    fields.push(isa.slice(from, at));
    from = at + 1;
  }
  const component = isa[from];
  const segment = isa[from + 1];
  if (component === undefined || segment === undefined) throw x12Error(1, "ISA", "the ISA segment ends before its terminator");
  if (NOT_A_SEPARATOR.test(segment) || segment === element || segment === component) {
    throw x12Error(1, "ISA", `"${segment}" after ISA16 cannot be a segment terminator`);
  }
  const rep = fields[10].trim();
  const repetition = rep.length !== 1 || NOT_A_SEPARATOR.test(rep) || rep === element || rep === component || rep === segment ? undefined : rep;
  return { element, component, segment, repetition };
}

/** A bare transaction set: "ST*867*0001~…" — separators found in its first segment. */
export function readBareSeparators(text: string): Separators | null {
  if (!/^ST[^A-Za-z0-9 ]\d{3}/.test(text)) return null;
  const element = text[2];
  for (let i = 3; i < Math.min(text.length, 200); i++) {
    const c = text[i];
    if (c !== element && BARE_TERMINATORS.test(c)) {
      const segment = c === "\r" && text[i + 1] === "\n" ? "\n" : c;
      return { element, component: element === ">" ? ":" : ">", segment };
    }
  }
  return null;
}

interface Open {
  control: string;
  position: number;
  children: number;
}

export interface SegmentHooks {
  onSeparators?: (s: Separators) => void;
  /** An envelope irregularity the data survives (counts, control numbers, missing trailers). */
  onWarning?: (position: number, message: string) => void;
  /**
   * The open transaction set `control` (ST at `start`) ends without SE at `position` — `why` says
   * how (another ST, a GE/IEA, the end of the file). Called before the segment that revealed it.
   */
  onCutOff?: (cut: { control: string; start: number; position: number; why: string }) => void;
}

/**
 * Splits decoded text into segments and checks the envelopes as they pass. Yields every segment
 * (envelope segments included) so the transaction parsers see ST and SE.
 */
export async function* readSegments(text: AsyncIterable<string>, hooks: SegmentHooks = {}): AsyncGenerator<Segment> {
  let buf = "";
  let seps: Separators | null = null;
  let position = 0;
  let isa: Open | null = null;
  let gs: Open | null = null;
  let st: Open | null = null;
  let last = "";
  let sets = 0;
  const controlsInGroup = new Set<string>();
  const warn = (p: number, m: string) => hooks.onWarning?.(p, m);

  const cutOff = (at: number, why: string) => {
    if (!st) return;
    hooks.onCutOff?.({ control: st.control, start: st.position, position: at, why });
    st = null;
  };

  /** A GE or IEA against its header: the control number (element 2) and the count of what it closes (element 1). */
  const checkTrailer = (s: Segment, open: Open, header: string, counted: string, holder: string) => {
    if (el(s, 2) !== open.control) warn(s.position, `${s.id}02 "${el(s, 2)}" does not match ${header} "${open.control}"`);
    if (Number(el(s, 1)) !== open.children) warn(s.position, `${s.id}01 says ${el(s, 1) || "(blank)"} ${counted} but ${holder} has ${open.children}`);
  };

  const check = (s: Segment): void => {
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(s.id)) throw x12Error(s.position, s.id, `"${s.id}" is not a segment id (wrong separators or stray text?)`);
    if (st && s.id !== "SE") st.children++;
    switch (s.id) {
      case "ISA":
        cutOff(s.position, "an ISA follows before its SE");
        if (isa) warn(s.position, `ISA at segment ${s.position} opens an interchange while the one at segment ${isa.position} has no IEA`);
        isa = { control: el(s, 13), position: s.position, children: 0 };
        gs = null;
        return;
      case "GS":
        cutOff(s.position, "a GS follows before its SE");
        if (gs) warn(s.position, `GS at segment ${s.position} opens a group while the one at segment ${gs.position} has no GE`);
        gs = { control: el(s, 6), position: s.position, children: 0 };
        controlsInGroup.clear();
        if (isa) isa.children++;
        return;
      case "ST": {
        cutOff(s.position, "another ST follows before its SE");
        const control = el(s, 2);
        if (gs && controlsInGroup.has(control)) warn(s.position, `ST02 control number "${control}" is used twice in the functional group GS at segment ${gs.position}`);
        controlsInGroup.add(control);
        st = { control, position: s.position, children: 1 };
        if (gs) gs.children++;
        return;
      }
      case "SE": {
        if (!st) return warn(s.position, `SE at segment ${s.position} without an ST; ignored`);
        const open: Open = st;
        open.children++;
        if (el(s, 2) !== open.control) warn(s.position, `SE02 "${el(s, 2)}" does not match ST02 "${open.control}" (transaction set at segment ${open.position})`);
        if (Number(el(s, 1)) !== open.children) warn(s.position, `SE01 says ${el(s, 1) || "(blank)"} segments but transaction set ${open.control} has ${open.children} (ST to SE)`);
        st = null;
        sets++;
        return;
      }
      case "GE": {
        cutOff(s.position, "a GE follows before its SE");
        if (!gs) return warn(s.position, `GE at segment ${s.position} without a GS`);
        checkTrailer(s, gs, "GS06", "transaction sets", "the group");
        gs = null;
        return;
      }
      case "IEA": {
        cutOff(s.position, "an IEA follows before its SE");
        if (gs) warn(s.position, `the functional group at segment ${gs.position} has no GE`);
        gs = null;
        if (!isa) return warn(s.position, `IEA at segment ${s.position} without an ISA`);
        checkTrailer(s, isa, "ISA13", "functional groups", "the interchange");
        isa = null;
        return;
      }
      default:
        if (!st) warn(s.position, `${s.id} at segment ${s.position} is outside a transaction set (ST … SE); ignored`);
    }
  };

  const start = (final: boolean): boolean => {
    const at = buf.search(/\S/);
    if (at < 0) {
      if (final) throw x12Error(1, "ISA", "the file is empty");
      buf = "";
      return false;
    }
    if (!final && buf.length - at < 400) return false; // enough to see a whole ISA or first ST
    buf = buf.slice(at);
    seps = buf.startsWith("ISA") ? readSeparators(buf) : readBareSeparators(buf);
    if (!seps) throw x12Error(1, buf.slice(0, 3), "the file starts with neither an ISA interchange header nor an ST transaction set");
    hooks.onSeparators?.(seps);
    return true;
  };

  function* emit(raw: string): Generator<Segment> {
    const clean = raw.replace(/^[\r\n]+|[\r\n]+$/g, "");
    if (clean.trim() === "") return;
    const elements = clean.split(seps!.element);
    const s: Segment = { id: elements[0].trim(), elements, position: ++position };
    check(s);
    last = clean;
    yield s;
  }

  const cut = function* (final: boolean): Generator<Segment> {
    if (!seps && !start(final)) return;
    const { segment } = seps!;
    let from = 0;
    for (let at = buf.indexOf(segment, from); at !== -1; at = buf.indexOf(segment, from)) {
      const raw = buf.slice(from, at);
      from = at + 1;
      yield* emit(raw);
    }
    buf = buf.slice(from);
    if (final && buf.trim() !== "") {
      // A last segment without terminator: a complete trailer is common, anything else was cut off.
      const tail = buf.replace(/^[\r\n]+|[\r\n\s]+$/g, "");
      buf = "";
      if (st || !/^(SE|GE|IEA)\b/.test(tail)) {
        const p = position + 1;
        if (st) {
          cutOff(p, `the file ends inside it: the last segment "${tail.slice(0, 40)}" is cut off`);
          return;
        }
        warn(p, `the file ends with an unterminated "${tail.slice(0, 40)}"; ignored`);
        return;
      }
      yield* emit(tail);
    }
  };

  for await (const chunk of text) {
    buf += chunk;
    yield* cut(false);
  }
  yield* cut(true);
  if (st) cutOff(position + 1, `the file ends after segment ${position} ("${last.slice(0, 40)}") without its SE`);
  if (gs) warn(position, `the file ends without the GE of the functional group at segment ${(gs as Open).position}`);
  if (isa) warn(position, `the file ends without the IEA of the interchange at segment ${(isa as Open).position}`);
  if (sets === 0 && position === 0) throw x12Error(1, "ISA", "the file holds no segments");
}

/** Splits a composite element into its components. */
export const components = (value: string, seps: Separators) => value.split(seps.component);

/** X12 dates: CCYYMMDD (or YYMMDD) → YYYY-MM-DD, or undefined. */
export function x12Date(v: string): string | undefined {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})$/.exec(v.trim());
  if (!m) return undefined;
  const y = m[1] ? Number(m[1] + m[2]) : 2000 + Number(m[2]);
  const d = new Date(Date.UTC(y, Number(m[3]) - 1, Number(m[4])));
  if (d.getUTCMonth() !== Number(m[3]) - 1 || d.getUTCDate() !== Number(m[4])) return undefined;
  return d.toISOString().slice(0, 10);
}
