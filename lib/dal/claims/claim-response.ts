/**
 * The manufacturer's answer to a validated claim as a file the distributor's systems read: an X12 849
 * or the payables CSV (writers in lib/imports/claims). Used by `GET /api/v1/claims/{id}/response` and
 * the screens' downloads. Another distributor's claim is a 404 (getClaim).
 *
 * The 849's envelope: the sender is Sellthru on the manufacturer's behalf, `ZZ` / `SELLTHRU`
 * ({@link MANUFACTURER_X12}); the receiver is the distributor's ISA identity on record
 * (`distributors.edi_isa_id`, "ZZ:NORTHWIND"), else `ZZ` and its code. The control number is the
 * answer's second (Unix time mod 999,999,999), so each download is a new interchange.
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { distributors } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { writeClaim849, writeClaimCsv, x12Text, type ClaimAnswerLine, type X12Party } from "@/lib/imports/claims";
import { getClaim, type ClaimDetail } from "./read-claims";

/** ISA05/06 and GS02 of every 849 Sellthru writes. */
export const MANUFACTURER_X12: X12Party = { qualifier: "ZZ", id: "SELLTHRU" };

export type ClaimResponseFormat = "x12" | "csv";

export interface ClaimResponseFile {
  body: string;
  contentType: string;
  fileName: string;
}

/** "ZZ:NORTHWIND" → { ZZ, NORTHWIND }; anything X12 cannot carry → ZZ + the distributor's code. */
export function receiverOf(ediIsaId: string | null, code: string): X12Party {
  const m = /^\s*([A-Za-z0-9]{2})\s*:\s*(.+?)\s*$/.exec(ediIsaId ?? "");
  const party = m ? { qualifier: m[1]!.toUpperCase(), id: m[2]! } : { qualifier: "ZZ", id: (ediIsaId ?? "").trim() };
  const plain = party.id.length > 0 && party.id.length <= 15 && !/[*~>^]/.test(party.id) && x12Text(party.id, 15) === party.id;
  return plain ? party : { qualifier: "ZZ", id: x12Text(code, 15) };
}

function answerLines(c: ClaimDetail): ClaimAnswerLine[] {
  return c.lines.map((l) => ({
    line: l.line, authorization: l.authorization, invoice: l.invoice, invoiceLine: l.invoiceLine, sku: l.sku, quantity: l.quantity,
    claimedAmount: Number(l.claimedAmount), approvedQuantity: l.approvedQuantity, approvedAmount: Number(l.approvedAmount),
    outcome: l.outcome, reasonCode: l.reasonCode, message: l.message,
  }));
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60);

/** The claim's answer (its latest revision, or `revision`) as an 849 or CSV file. */
export async function claimResponse(db: Queryable, viewer: Viewer, id: string, format: ClaimResponseFormat, opts: { revision?: number | null; now?: Date } = {}): Promise<ClaimResponseFile> {
  const c = await getClaim(db, viewer, id, { revision: opts.revision ?? null, limit: 200_000 });
  const base = `claim-${safe(c.distributor.code)}-${c.period}-${safe(c.reference ?? c.id.slice(0, 8))}-r${c.revision}`;
  if (format === "csv") {
    return { body: writeClaimCsv({ claim: { id: c.id, reference: c.reference, revision: c.revision }, lines: answerLines(c) }), contentType: "text/csv; charset=utf-8", fileName: `${base}.csv` };
  }
  const [d] = await db.select({ ediIsaId: distributors.ediIsaId }).from(distributors).where(eq(distributors.code, c.distributor.code)).limit(1);
  const now = opts.now ?? new Date();
  const body = writeClaim849({
    sender: MANUFACTURER_X12,
    receiver: receiverOf(d?.ediIsaId ?? null, c.distributor.code),
    control: (Math.floor(now.getTime() / 1000) % 999_999_999) + 1,
    date: now,
    claim: { reference: c.reference?.trim() || `SELLTHRU-${c.id.slice(0, 8).toUpperCase()}`, id: c.id, period: c.period },
    lines: answerLines(c),
  });
  return { body, contentType: "application/edi-x12", fileName: `${base}.849.edi` };
}
