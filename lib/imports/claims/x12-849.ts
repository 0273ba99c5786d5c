/**
 * The manufacturer's answer to a validated claim as an X12 849 (Response to Product Transfer Account
 * Adjustment, 004010, functional group CF). Heading: BRC (purpose 00, answer date, the partner's claim
 * reference), REF*TN Sellthru's claim id, DTM*090/091 the claim period. One CON loop per authorisation
 * (CON*CT), one PAD loop per line: PAD (line, SD, NC approved / QD quantity cut / PC amount changed /
 * DI rejected), LIN*VP sku, AAA (Y valid / N rejected, agency ZZ, AAA03 the reason's REASON_X12 code),
 * QTY*38 claimed and QTY*QA approved, AMT*S claimed and AMT*A approved, REF*IV invoice, REF*LI invoice
 * line, REF*ZZ code + the reason's sentence (≤ 80 characters). Summary: CTT (lines, claimed units),
 * AMT*S / AMT*A totals. Codes: `x12-844-codes.ts` (X12_849).
 */
import { REASON_X12 } from "@/lib/domain/claims/reasons";
import type { ClaimAnswerLine } from "./types";
import { X12_849 as W } from "./x12-844-codes";

export interface X12Party {
  /** ISA05/07 interchange id qualifier, e.g. "ZZ" (mutually defined), "01" (DUNS). */
  qualifier: string;
  /** ISA06/08 (padded to 15) and GS02/03. */
  id: string;
}

export interface Claim849Input {
  sender: X12Party;
  receiver: X12Party;
  /** Interchange, group and transaction set control number (1 … 999,999,999). */
  control: number;
  date: Date;
  /** `reference`: the distributor's claim number (BAA05 of its 844); `id`: Sellthru's claim id; `period`: YYYY-MM. */
  claim: { reference: string; id: string; period: string };
  lines: ClaimAnswerLine[];
}

const SEGMENT = "~";
const ELEMENT = "*";
const COMPONENT = ">";

/** Text an element may carry: basic X12 characters, no separators, at most `max` characters. */
export function x12Text(v: string, max = 80): string {
  const ascii = v
    .replace(/[×]/g, "x").replace(/[−–—]/g, "-").replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/…/g, "...")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?")
    .replace(/[*~>^]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return ascii.length <= max ? ascii : `${ascii.slice(0, max - 3).trimEnd()}...`;
}

const money = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const pad2 = (n: number) => String(n).padStart(2, "0");

function stamp(d: Date): { ccyymmdd: string; yymmdd: string; hhmm: string } {
  const ccyymmdd = `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
  return { ccyymmdd, yymmdd: ccyymmdd.slice(2), hhmm: `${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}` };
}

function periodDays(period: string): [string, string] {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) throw new RangeError(`claim.period "${period}" is not YYYY-MM`);
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return [`${m[1]}${m[2]}01`, `${m[1]}${m[2]}${pad2(last)}`];
}

function checkParty(p: X12Party, who: string): void {
  if (!/^[A-Z0-9]{2}$/.test(p.qualifier)) throw new RangeError(`${who}.qualifier "${p.qualifier}" is not a 2-character interchange id qualifier`);
  if (!p.id || p.id.length > 15 || /[*~>^]/.test(p.id) || x12Text(p.id, 15) !== p.id) throw new RangeError(`${who}.id "${p.id}" must be 1-15 plain characters`);
}

/** PAD03 (change or response type) of a line's outcome. */
function responseType(l: ClaimAnswerLine): string {
  if (l.outcome === "rejected") return W.rejected;
  if (l.outcome === "approved") return W.approved;
  return l.approvedQuantity < l.quantity ? W.quantityCut : W.priceChanged;
}

function lineSegments(l: ClaimAnswerLine): string[][] {
  const code = l.reasonCode ? REASON_X12[l.reasonCode] : "";
  const out: string[][] = [
    ["PAD", String(l.line), W.transferType, responseType(l)],
    ["LIN", "", "VP", x12Text(l.sku, 48)],
    code ? ["AAA", l.outcome === "rejected" ? "N" : "Y", W.agency, code] : ["AAA", "Y"],
    ["QTY", W.claimedQuantity, String(l.quantity), "EA"],
    ["QTY", W.approvedQuantity, String(l.approvedQuantity), "EA"],
    ["AMT", W.claimedAmount, money(l.claimedAmount)],
    ["AMT", W.approvedAmount, money(l.approvedAmount)],
    ["REF", "IV", x12Text(l.invoice, 30)],
  ];
  if (l.invoiceLine) out.push(["REF", "LI", x12Text(l.invoiceLine, 30)]);
  out.push(["REF", W.messageQualifier, code, x12Text(l.message, 80)]);
  return out;
}

/** Writes the 849 for one claim's answer. Throws RangeError on envelope values X12 cannot carry. */
export function writeClaim849(input: Claim849Input): string {
  const { sender, receiver, control, claim, lines } = input;
  checkParty(sender, "sender");
  checkParty(receiver, "receiver");
  if (!Number.isInteger(control) || control < 1 || control > 999_999_999) throw new RangeError(`control ${control} must be 1 … 999999999`);
  if (!claim.reference.trim()) throw new RangeError("claim.reference is required (BRC04)");
  const t = stamp(input.date);
  const [first, last] = periodDays(claim.period);
  const isaControl = String(control).padStart(9, "0");
  const stControl = String(control).padStart(4, "0");

  const body: string[][] = [
    ["ST", "849", stControl],
    ["BRC", "00", t.ccyymmdd, W.referenceQualifier, x12Text(claim.reference, 30)],
    ["REF", W.claimIdQualifier, x12Text(claim.id, 50)],
    ["DTM", W.periodStart, first],
    ["DTM", W.periodEnd, last],
  ];
  const byAuthorization = new Map<string, ClaimAnswerLine[]>();
  for (const l of lines) byAuthorization.set(l.authorization, [...(byAuthorization.get(l.authorization) ?? []), l]);
  for (const [authorization, group] of byAuthorization) {
    body.push(["CON", W.authorizationQualifier, x12Text(authorization, 50), W.contractStatus]);
    for (const l of group) body.push(...lineSegments(l));
  }
  const units = lines.reduce((s, l) => s + l.quantity, 0);
  body.push(["CTT", String(lines.length), String(units)]);
  body.push(["AMT", W.claimedAmount, money(lines.reduce((s, l) => s + l.claimedAmount, 0))]);
  body.push(["AMT", W.approvedAmount, money(lines.reduce((s, l) => s + l.approvedAmount, 0))]);
  body.push(["SE", String(body.length + 1), stControl]);

  const isa = [
    "ISA", "00", " ".repeat(10), "00", " ".repeat(10), sender.qualifier, sender.id.padEnd(15), receiver.qualifier, receiver.id.padEnd(15),
    t.yymmdd, t.hhmm, "U", "00401", isaControl, "0", "P", COMPONENT,
  ];
  const segments = [
    isa,
    ["GS", W.functionalGroup, sender.id, receiver.id, t.ccyymmdd, t.hhmm, String(control), "X", W.version],
    ...body,
    ["GE", "1", String(control)],
    ["IEA", "1", isaControl],
  ];
  return segments.map((s) => trimTrailing(s).join(ELEMENT) + SEGMENT).join("\n") + "\n";
}

/** X12 drops trailing empty elements ("AAA*Y", not "AAA*Y**"). */
function trimTrailing(s: string[]): string[] {
  const out = [...s];
  while (out.length > 1 && out[out.length - 1] === "") out.pop();
  return out;
}
