/**
 * ANSI X12 interchange reader, small and strict. Separators come from the ISA segment, never
 * assumed: element separator = ISA character 4, component separator = ISA16, segment terminator
 * = the character after ISA16 (CR/LF after it are tolerated), repetition separator = ISA11 when it
 * is not an alphanumeric standards id (00402+). Envelopes ISA/IEA, GS/GE, ST/SE are checked
 * (counts and control numbers); a violation throws ImportError "corrupt" naming the segment.
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

const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

/** Reads the separators from the fixed-width ISA segment starting at `isa[0]`. */
export function readSeparators(isa: string): Separators {
  if (!isa.startsWith("ISA")) throw x12Error(1, "ISA", "the interchange does not start with ISA");
  if (isa.length < 106) throw x12Error(1, "ISA", `the ISA segment must be 106 characters; the file has only ${isa.length}`);
  const element = isa[3];
  // ISA01…ISA15 have fixed widths, so the element at fault can be named precisely.
  const fields: string[] = [];
  let from = 4;
  for (let i = 0; i < 15; i++) {
    const at = isa.indexOf(element, from);
    const value = at < 0 ? isa.slice(from, from + 20) : isa.slice(from, at);
    if (at < 0 || value.length !== ISA_WIDTHS[i]) {
      throw x12Error(1, "ISA", `ISA${String(i + 1).padStart(2, "0")} must be ${ISA_WIDTHS[i]} characters, found "${value}" (the ISA segment is fixed-width, 106 characters)`);
    }
    fields.push(value);
    from = at + 1;
  }
  const component = isa[104];
  const segment = isa[105];
  if (/[A-Za-z0-9 ]/.test(segment) || segment === element || segment === component) {
    throw x12Error(1, "ISA", `"${segment}" after ISA16 cannot be a segment terminator`);
  }
  const rep = fields[10];
  const repetition = /[A-Za-z0-9 ]/.test(rep) || rep === element || rep === component || rep === segment ? undefined : rep;
  return { element, component, segment, repetition };
}

interface Open {
  id: string;
  control: string;
  position: number;
  children: number;
}

/**
 * Splits decoded text into segments and checks the envelopes as they pass. Yields every segment
 * (envelope segments included) so the transaction parsers see ST and SE.
 */
export async function* readSegments(text: AsyncIterable<string>, onSeparators?: (s: Separators) => void): AsyncGenerator<Segment> {
  let buf = "";
  let seps: Separators | null = null;
  let position = 0;
  let isa: Open | null = null;
  let gs: Open | null = null;
  let st: Open | null = null;
  let interchanges = 0;

  const check = (s: Segment): void => {
    const fail = (why: string): never => {
      throw x12Error(s.position, s.id, why);
    };
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(s.id)) fail(`"${s.id}" is not a segment id (wrong separators or stray text?)`);
    if (s.id === "ISA") {
      if (isa) fail("ISA inside an open interchange (IEA missing)");
      isa = { id: "ISA", control: el(s, 13), position: s.position, children: 0 };
      return;
    }
    if (!isa) fail("segment outside an interchange (ISA … IEA)");
    const i = isa!;
    if (st) st.children++;
    switch (s.id) {
      case "GS":
        if (gs) fail("GS inside an open functional group (GE missing)");
        gs = { id: "GS", control: el(s, 6), position: s.position, children: 0 };
        i.children++;
        return;
      case "ST":
        if (!gs) fail("ST outside a functional group (GS … GE)");
        if (st) fail(`ST inside the open transaction set ${st.control} (SE missing)`);
        st = { id: "ST", control: el(s, 2), position: s.position, children: 1 };
        gs!.children++;
        return;
      case "SE": {
        if (!st) fail("SE without ST");
        const open = st!;
        if (el(s, 2) !== open.control) fail(`SE02 "${el(s, 2)}" does not match ST02 "${open.control}"`);
        if (Number(el(s, 1)) !== open.children) fail(`SE01 says ${el(s, 1)} segments but transaction set ${open.control} has ${open.children} (ST to SE)`);
        st = null;
        return;
      }
      case "GE": {
        if (!gs || st) fail(st ? `GE before SE of transaction set ${st.control}` : "GE without GS");
        const open = gs!;
        if (el(s, 2) !== open.control) fail(`GE02 "${el(s, 2)}" does not match GS06 "${open.control}"`);
        if (Number(el(s, 1)) !== open.children) fail(`GE01 says ${el(s, 1)} transaction sets but the group has ${open.children}`);
        gs = null;
        return;
      }
      case "IEA":
        if (gs || st) fail("IEA before the open group/transaction set is closed");
        if (el(s, 2) !== i.control) fail(`IEA02 "${el(s, 2)}" does not match ISA13 "${i.control}"`);
        if (Number(el(s, 1)) !== i.children) fail(`IEA01 says ${el(s, 1)} functional groups but the interchange has ${i.children}`);
        isa = null;
        interchanges++;
        return;
      default:
        if (!st) fail("segment outside a transaction set (ST … SE)");
    }
  };

  const cut = function* (final: boolean): Generator<Segment> {
    if (!seps) {
      const start = buf.search(/\S/);
      if (start < 0 || buf.length - start < 106) {
        if (final) throw x12Error(1, "ISA", start < 0 ? "the file is empty" : "the ISA segment must be 106 characters");
        return;
      }
      buf = buf.slice(start);
      seps = readSeparators(buf);
      onSeparators?.(seps);
    }
    const { segment, element } = seps;
    let from = 0;
    for (let at = buf.indexOf(segment, from); at !== -1; at = buf.indexOf(segment, from)) {
      const raw = buf.slice(from, at).replace(/^[\r\n]+|[\r\n]+$/g, "");
      from = at + 1;
      if (raw.trim() === "") continue;
      const elements = raw.split(element);
      const s: Segment = { id: elements[0].trim(), elements, position: ++position };
      if (s.id === "ISA" && raw.length !== 105) throw x12Error(s.position, "ISA", `the ISA segment must be 106 characters including its terminator, found ${raw.length + 1}`);
      check(s);
      yield s;
    }
    buf = buf.slice(from);
    if (final && buf.trim() !== "") throw x12Error(position + 1, buf.trim().slice(0, 3), "the last segment has no terminator (truncated file?)");
  };

  for await (const chunk of text) {
    buf += chunk;
    yield* cut(false);
  }
  yield* cut(true);
  if (isa || interchanges === 0) {
    throw x12Error(position, "IEA", "the file ends before the interchange trailer IEA (truncated file?)");
  }
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
