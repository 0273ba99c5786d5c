/**
 * Who sent an X12 file, and whether that is the distributor uploading it. Pure.
 *
 * A file names its sender in the ISA (ISA05 qualifier : ISA06 ID), GS02 and, in the heading, N1
 * loops of the sending party (FR message from, DS distributor, RL reporting location) with a DUNS
 * (N103 1, or 9 = DUNS+4) or a GLN (N103 UL). An ISA qualifier 01 (DUNS), 14 (DUNS+suffix) or 07/08
 * with 13 digits (GLN) counts as that number too. Distributors carry their identities (ISA
 * qualifier:ID, GS02, DUNS, GLN); an upload whose sender IDs are another distributor's is a real
 * mistake (the wrong partner's file) — warned, or refused when the manufacturer's setting says so.
 */

export interface FileSender {
  /** "ZZ:NORTHWIND" — ISA05:ISA06, upper case, trimmed. */
  isa: string[];
  gs: string[];
  duns: string[];
  gln: string[];
}

export interface EdiIdentities {
  ediIsaId: string | null;
  ediGsId: string | null;
  duns: string | null;
  gln: string | null;
}

export const emptySender = (): FileSender => ({ isa: [], gs: [], duns: [], gln: [] });

const add = (list: string[], v: string) => {
  if (v && !list.includes(v)) list.push(v);
};

/** Records an ISA sender (qualifier, ID as in the file). */
export function addIsaSender(s: FileSender, qualifier: string, id: string): void {
  const q = qualifier.trim().toUpperCase();
  const v = id.trim().toUpperCase();
  if (!v) return;
  add(s.isa, `${q}:${v}`);
  if ((q === "01" || q === "14") && /^\d{9}/.test(v)) add(s.duns, v.slice(0, 9));
  if ((q === "07" || q === "08") && /^\d{13}$/.test(v)) add(s.gln, v);
}

export function addGsSender(s: FileSender, id: string): void {
  add(s.gs, id.trim().toUpperCase());
}

/** N1 parties that are the sender's side (not customers, not the manufacturer). */
export const SENDER_PARTIES = new Set(["FR", "DS", "RL"]);

/** Records an N1 party's id: N103 1/9 = DUNS, UL = GLN. */
export function addPartySender(s: FileSender, qualifier: string, id: string): void {
  const q = qualifier.trim().toUpperCase();
  const v = id.trim();
  if ((q === "1" || q === "9") && /^\d{9}/.test(v)) add(s.duns, v.slice(0, 9));
  if (q === "UL" && /^\d{13}$/.test(v)) add(s.gln, v);
}

export function hasSender(s: FileSender): boolean {
  return s.isa.length + s.gs.length + s.duns.length + s.gln.length > 0;
}

/** "ISA ZZ:NORTHWIND, GS NORTHWIND, DUNS 123456789". */
export function senderLabel(s: FileSender): string {
  return [...s.isa.map((v) => `ISA ${v}`), ...s.gs.map((v) => `GS ${v}`), ...s.duns.map((v) => `DUNS ${v}`), ...s.gln.map((v) => `GLN ${v}`)].join(", ");
}

export function identityLabel(i: EdiIdentities): string {
  return [i.ediIsaId && `ISA ${i.ediIsaId}`, i.ediGsId && `GS ${i.ediGsId}`, i.duns && `DUNS ${i.duns}`, i.gln && `GLN ${i.gln}`].filter(Boolean).join(", ");
}

export function hasIdentity(i: EdiIdentities): boolean {
  return !!(i.ediIsaId || i.ediGsId || i.duns || i.gln);
}

/** Which of a distributor's identities the file's sender IDs match. */
export function matchedIdentities(s: FileSender, i: EdiIdentities): ("isa" | "gs" | "duns" | "gln")[] {
  const out: ("isa" | "gs" | "duns" | "gln")[] = [];
  const up = (v: string | null) => (v ?? "").trim().toUpperCase();
  if (i.ediIsaId && s.isa.includes(up(i.ediIsaId))) out.push("isa");
  if (i.ediGsId && s.gs.includes(up(i.ediGsId))) out.push("gs");
  if (i.duns && s.duns.includes(i.duns.trim())) out.push("duns");
  if (i.gln && s.gln.includes(i.gln.trim())) out.push("gln");
  return out;
}

export type SenderVerdict =
  | { verdict: "ok" }
  | { verdict: "other"; message: string }
  | { verdict: "unknown"; message: string };

/**
 * `own`: the uploading distributor's identities; `otherMatches`: whether the sender IDs are those
 * of another distributor. Own identities matched → ok (even when shared with another).
 */
export function judgeSender(s: FileSender, code: string, own: EdiIdentities, otherMatches: boolean): SenderVerdict {
  if (!hasSender(s) || matchedIdentities(s, own).length > 0) return { verdict: "ok" };
  if (otherMatches) {
    return { verdict: "other", message: `This file's sender IDs (${senderLabel(s)}) belong to another distributor, not to ${code}: check that you are uploading your own file` };
  }
  if (hasIdentity(own)) {
    return { verdict: "unknown", message: `This file's sender IDs (${senderLabel(s)}) are not among ${code}'s EDI identities (${identityLabel(own)}): check the file, or ask the manufacturer to add the ID` };
  }
  return { verdict: "ok" };
}

/** One EDI identity as the contract writes it: `{ "qualifier": "ZZ", "id": "NORTHWIND" }`. */
export interface EdiId {
  qualifier: string;
  id: string;
}

/**
 * The contract's `ediIds` list as a distributor's identities: a two-character ISA qualifier (ZZ, 01,
 * 08, 12, 14…) gives the ISA sender "Q:ID" — and, for 01/14 with nine digits, the DUNS; for 07/08
 * with thirteen, the GLN —; "GS" (or "GS02") gives GS02; "DUNS" (N1 qualifier 1 or 9) the DUNS;
 * "GLN" (N1 qualifier UL) the GLN. One ISA sender per distributor; anything else is refused by name.
 */
export function identitiesFromEdiIds(list: readonly EdiId[]): { ok: true; ids: Partial<EdiIdentities> } | { ok: false; index: number; message: string } {
  const ids: Partial<EdiIdentities> = {};
  for (let i = 0; i < list.length; i++) {
    const q = list[i]!.qualifier.trim().toUpperCase();
    const v = list[i]!.id.trim().toUpperCase();
    const fail = (message: string) => ({ ok: false as const, index: i, message });
    if (!v) return fail("The ID is empty");
    if (q === "GS" || q === "GS02") {
      if (v.length < 2 || v.length > 15) return fail("GS02 has 2 to 15 characters");
      ids.ediGsId = v;
    } else if (q === "DUNS" || q === "1" || q === "9") {
      if (!/^\d{9}/.test(v)) return fail("A DUNS has 9 digits");
      ids.duns = v.slice(0, 9);
    } else if (q === "GLN" || q === "UL") {
      if (!/^\d{13}$/.test(v)) return fail("A GLN has 13 digits");
      ids.gln = v;
    } else if (/^[0-9A-Z]{2}$/.test(q)) {
      if (v.length > 35 || v.includes(":")) return fail("An ISA sender ID has at most 35 characters and no colon");
      const isa = `${q}:${v}`;
      if (ids.ediIsaId && ids.ediIsaId !== isa) return fail(`One ISA sender per distributor (already ${ids.ediIsaId}); GS02, DUNS and GLN may be given besides`);
      ids.ediIsaId = isa;
      if ((q === "01" || q === "14") && /^\d{9}/.test(v)) ids.duns ??= v.slice(0, 9);
      if ((q === "07" || q === "08") && /^\d{13}$/.test(v)) ids.gln ??= v;
    } else {
      return fail(`Unknown qualifier "${q}": an ISA qualifier (ZZ, 01, 08, 12, 14…), GS, DUNS or GLN`);
    }
  }
  return { ok: true, ids };
}

/** A distributor's identities in the contract's list form (the answer of the admin API). */
export function ediIdsOf(i: EdiIdentities): EdiId[] {
  const out: EdiId[] = [];
  if (i.ediIsaId) {
    const [qualifier, ...id] = i.ediIsaId.split(":");
    out.push({ qualifier: qualifier!, id: id.join(":") });
  }
  if (i.ediGsId) out.push({ qualifier: "GS", id: i.ediGsId });
  if (i.duns) out.push({ qualifier: "DUNS", id: i.duns });
  if (i.gln) out.push({ qualifier: "GLN", id: i.gln });
  return out;
}
