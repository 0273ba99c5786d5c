/**
 * X12 844 (Product Transfer Account Adjustment) → a claim: reference, date and lines. Segments come
 * from the shared tokenizer (`x12-segments.ts`: separators from the ISA, envelope counts checked as
 * warnings, a cut-off transaction set reported); this file walks BAA / CON / PAD (see
 * `x12-844-codes.ts` for every qualifier read). A transaction set's lines count only once its SE is
 * read; a set cut off is an error naming it. Every segment not read is named in a warning.
 */
import type { ClaimLineInput } from "@/lib/domain/claims/types";
import { decodeBuffer } from "../decode";
import { ImportError } from "../errors";
import { el, readSegments, x12Date, type Segment, type Separators } from "../x12-segments";
import { ptdMeaning } from "../x12-codes";
import type { ClaimError, ClaimWarning, X12ClaimResult } from "./types";
import { buildLine, takeItem, type ConState, type PadState } from "./x12-844-line";
import * as C from "./x12-844-codes";
import { numberLines } from "./line-numbers";

const OTHER_SETS: Record<string, string> = { "849": "a claim answer (849)", "867": "a resale report (867): upload it as POS", "852": "a product activity report (852): upload it as POS" };

interface SetState {
  start: number;
  control: string;
  reference: string | null;
  baaAt?: number;
  claimDate?: string;
  lines: ClaimLineInput[];
  errors: ClaimError[];
  warnings: ClaimWarning[];
  /** "N3|why" → positions, named in one warning per kind. */
  notRead: Map<string, { id: string; why: string; code: string; positions: number[] }>;
  pads: number;
  claimed: number;
  afterCtt: boolean;
}

class Reader844 {
  readonly lines: ClaimLineInput[] = [];
  readonly errors: ClaimError[] = [];
  readonly warnings: ClaimWarning[] = [];
  reference: string | null = null;
  claimDate?: string;
  seps?: Separators;
  sets = 0;
  complete = 0;
  private set: SetState | null = null;
  private con: ConState | null = null;
  private pad: PadState | null = null;

  segment(s: Segment): void {
    if (s.id === "ISA" || s.id === "IEA" || s.id === "GE") return;
    if (s.id === "GS") {
      const g = el(s, 1);
      if (g && g !== C.X12_849.functionalGroup) this.warnings.push({ line: s.position, code: "functional_group", message: `GS01 is "${g}": an 844 travels in functional group CF; read anyway` });
      return;
    }
    if (s.id === "ST") return this.startSet(s);
    const set = this.set;
    if (!set) return; // outside ST … SE: the tokenizer has warned
    const p = this.pad;
    switch (s.id) {
      case "BAA":
      case "BGN":
        return this.header(set, s);
      case "CUR":
        return void set.warnings.push({ line: s.position, code: "currency", message: `CUR names currency ${el(s, 2) || "(blank)"}: amounts are read as given, in the authorisations' currency` });
      case "CON":
        this.closePad();
        this.con = { position: s.position, authorization: el(s, 2), refs: new Map(), dates: new Map() };
        if (el(s, 1) && !C.AUTHORIZATION_REFS[el(s, 1)]) this.note(s, `CON01 "${el(s, 1)}" is not an authorisation qualifier Sellthru knows; CON02 is read as the authorisation anyway`, "qualifier");
        return;
      case "PAD":
        return this.openPad(set, s);
      case "N1":
        return this.party(s);
      case "REF":
      case "DTM":
        return this.refOrDate(s);
      case "CTT":
        this.closePad();
        this.con = null;
        set.afterCtt = true;
        if (el(s, 1) && Number(el(s, 1)) !== set.pads) set.warnings.push({ line: s.position, code: "control_totals", message: `CTT01 says ${el(s, 1)} line items; the transaction set has ${set.pads} PAD loops` });
        return;
      case "SE":
        return this.endSet(set);
      case "AMT":
        if (set.afterCtt) return this.total(set, s);
        if (!p) return this.note(s, "outside a PAD loop (no claim line)");
        if (!C.CLAIM_AMOUNTS[el(s, 1)]) return this.note(s, `AMT*${el(s, 1)} is not a claimed amount (AMT*S or AMT*CC)`);
        if (!p.amount || p.amount.segment.startsWith("CDD")) p.amount = { value: el(s, 2), position: s.position, segment: `AMT*${el(s, 1)}`, impliedDecimals: false };
        return;
      case "LIN":
      case "QTY":
      case "UIT":
      case "CTP":
      case "CDD":
        if (!p) return this.note(s, "outside a PAD loop (no claim line)");
        return takeItem(p, s, this.seps, (why, code) => this.note(s, why, code));
      default:
        this.note(s, C.NOT_READ[s.id] ?? `${s.id} is not part of an 844 claim`);
    }
  }

  private startSet(s: Segment): void {
    const type = el(s, 1);
    if (type !== "844") throw new ImportError("unsupported", `This EDI file is ${OTHER_SETS[type] ?? `transaction set ${type}`}; claims are read from an 844 (product transfer account adjustment)`);
    this.sets++;
    this.set = { start: s.position, control: el(s, 2), reference: null, lines: [], errors: [], warnings: [], notRead: new Map(), pads: 0, claimed: 0, afterCtt: false };
    this.con = null;
    this.pad = null;
  }

  private header(set: SetState, s: Segment): void {
    const baa = s.id === "BAA";
    const [ref, date] = baa ? [el(s, 5), el(s, 3)] : [el(s, 2), el(s, 3)];
    if (!baa) set.warnings.push({ line: s.position, code: "segment_tolerated", message: `BGN is not the 844's header (BAA): BGN02 ${ref || "(blank)"} is read as the claim reference` });
    if (baa && el(s, 1) && el(s, 1) !== "00") set.warnings.push({ line: s.position, code: "purpose", message: `BAA01 purpose "${el(s, 1)}": read as an original claim (00)` });
    set.baaAt = s.position;
    if (ref) {
      if (this.reference && ref !== this.reference) {
        throw new ImportError("unsupported", `This file holds more than one claim (${this.reference} and ${ref}); send one claim per file`);
      }
      set.reference = ref;
    }
    const d = x12Date(date);
    if (d) set.claimDate = d;
    else if (date) set.warnings.push({ line: s.position, code: "claim_date", message: `${s.id}03 "${date}" is not a CCYYMMDD date; the claim date is not read` });
  }

  private openPad(set: SetState, s: Segment): void {
    this.closePad();
    set.pads++;
    if (!this.con) {
      set.errors.push({ line: s.position, segment: "CON", message: "PAD outside a CON loop: the line has no authorisation (CON), so it is not read" });
      return;
    }
    const n = Number(el(s, 1));
    this.pad = { position: s.position, lineNo: Number.isInteger(n) && n > 0 ? n : 0, refs: new Map(), dates: new Map() };
    const type = el(s, 2);
    if (type && !C.SALE_TRANSFERS.has(type)) set.warnings.push({ line: s.position, code: "transfer_type", message: `PAD02 "${type}" is ${ptdMeaning(type)}, not a sale; read as a claim line` });
  }

  private party(s: Segment): void {
    const con = this.con;
    if (!con) return this.note(s, "the claim header's parties are not read (the distributor is the one uploading)");
    const party = el(s, 1).toUpperCase();
    const order = Object.keys(C.CUSTOMER_PARTIES);
    if (!order.includes(party)) return this.note(s, `N1*${party} is not the end customer (N1*EN or N1*BY)`);
    const value = el(s, 2) || el(s, 4);
    if (value && (!con.customer || order.indexOf(party) < order.indexOf(con.customer.party))) con.customer = { value, position: s.position, party };
  }

  private refOrDate(s: Segment): void {
    const target = this.pad ?? this.con;
    const q = el(s, 1).toUpperCase();
    if (!target) return this.note(s, `header ${s.id}*${q} is not read (references and dates are read per CON/PAD loop)`);
    const known = s.id === "DTM"
      ? [C.SHIP_DATE, C.INVOICE_DATE]
      : [...Object.keys(C.AUTHORIZATION_REFS), ...Object.keys(C.INVOICE_REFS), ...(this.pad ? Object.keys(C.INVOICE_LINE_REFS) : [])];
    if (!known.includes(q)) return this.note(s, `${s.id}*${q} is not read (Sellthru reads ${known.map((k) => `${s.id}*${k}`).join(", ")} here)`);
    const map = s.id === "DTM" ? target.dates : target.refs;
    if (!map.has(q)) map.set(q, { value: el(s, 2), position: s.position });
    else this.note(s, `a second ${s.id}*${q} in one loop`);
  }

  private closePad(): void {
    const p = this.pad;
    const set = this.set;
    this.pad = null;
    if (!p || !set || !this.con) return;
    const line = buildLine(p, this.con, {
      error: (l, segment, message) => set.errors.push({ line: l, segment, message }),
      warn: (l, code, message) => set.warnings.push({ line: l, code, message }),
    });
    if (line) {
      set.lines.push(line);
      set.claimed += line.claimedAmount;
    }
  }

  private total(set: SetState, s: Segment): void {
    if (!C.CLAIM_AMOUNTS[el(s, 1)]) return this.note(s, `summary AMT*${el(s, 1)} is not read`);
    const said = Number(el(s, 2));
    const sum = Math.round(set.claimed * 100) / 100;
    if (Math.round(said * 100) !== Math.round(sum * 100)) {
      set.warnings.push({ line: s.position, code: "control_totals", message: `AMT*${el(s, 1)} says the claim totals ${el(s, 2)}; the ${set.lines.length} line(s) read total ${sum.toFixed(2)}` });
    }
  }

  private note(s: Segment, why: string, code = "segment_not_read"): void {
    const set = this.set!;
    const key = `${s.id}|${why}`;
    const n = set.notRead.get(key) ?? { id: s.id, why, code, positions: [] };
    n.positions.push(s.position);
    set.notRead.set(key, n);
  }

  private endSet(set: SetState): void {
    this.closePad();
    for (const n of set.notRead.values()) {
      const where = n.positions.length === 1 ? `Segment ${n.positions[0]}` : `Segments ${n.positions.join(", ")}`;
      set.warnings.push({ line: n.positions[0], code: n.code, message: `${where} (${n.id}): ${n.why}${n.code === "segment_not_read" ? "; not read" : ""}` });
    }
    if (!set.reference) set.errors.push({ line: set.baaAt ?? set.start, segment: "BAA05", message: "The claim has no reference number (BAA05)" });
    this.reference ??= set.reference;
    this.claimDate ??= set.claimDate;
    this.lines.push(...set.lines);
    this.errors.push(...set.errors);
    this.warnings.push(...set.warnings);
    this.complete++;
    this.set = this.con = this.pad = null;
  }

  cutOff(c: { control: string; start: number; why: string }): void {
    const n = (this.set?.lines.length ?? 0) + (this.set?.errors.length ?? 0);
    this.errors.push({ line: c.start, segment: "ST", message: `Transaction set ${c.control || "(no ST02)"} (ST at segment ${c.start}) is cut off: ${c.why}. Its ${n} claim line(s) read so far are not used; send the complete file` });
    this.set = this.con = this.pad = null;
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** Reads an 844 claim (bytes are decoded as the POS files are: UTF-8, UTF-16 or Windows-1252). */
export async function readClaim844(input: string | Uint8Array): Promise<X12ClaimResult> {
  const text = typeof input === "string" ? input : decodeBuffer(input).text;
  const r = new Reader844();
  const hooks = {
    onSeparators: (s: Separators) => (r.seps = s),
    onWarning: (line: number, message: string) => r.warnings.push({ line, code: "envelope", message: `Envelope: ${message}` }),
    onCutOff: (c: { control: string; start: number; why: string }) => r.cutOff(c),
  };
  for await (const s of readSegments(once(text), hooks)) r.segment(s);
  if (r.sets === 0) throw new ImportError("empty", "The EDI file holds no transaction set (ST … SE)");
  if (r.complete === 0) throw new ImportError("corrupt", `The EDI file holds no complete transaction set (ST … SE). ${r.errors.map((e) => e.message).join(" ")}`.trim());
  const renumbered = numberLines(r.lines, "PAD01");
  if (renumbered) r.warnings.push(renumbered);
  return { reference: r.reference, ...(r.claimDate ? { claimDate: r.claimDate } : {}), lines: r.lines, errors: r.errors, warnings: r.warnings };
}
