/**
 * Stores a claim (or a new revision of one) and validates its lines, in one transaction: the claim,
 * its revision, the lines as sent, the set-based validation and the revision's totals are written
 * together or not at all. Claims of one distributor are serialised (an advisory lock) so two claims
 * sent at once cannot both use the same authorised or sold quantity.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { periodToDate } from "@/lib/domain/periods";
import type { ClaimSource } from "@/lib/domain/claims/types";
import { claimBodySchema, type ClaimBody } from "@/lib/validation/claims";
import { requireRole, resolveDistributor } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { getSettings } from "../settings/get-settings";
import { firstRow, num, str } from "@/db/sql-rows";
import { validateClaimRevision } from "./validate-claim";
import { storeClaimTotals } from "./claim-totals";

export interface SubmitClaimOptions {
  source: ClaimSource;
  fileName?: string | null;
  /** Staff sending on a distributor's behalf name it; a distributor is always its own. */
  distributorCode?: string | null;
  now?: Date;
}

export interface SubmittedClaim {
  id: string;
  revision: number;
  revisionId: string;
  distributorId: number;
}

/** Validates the body (zod) and stores + validates the claim. Lines without a number are numbered in order. */
export async function submitClaim(db: Queryable, viewer: Viewer, body: ClaimBody, opts: SubmitClaimOptions): Promise<SubmittedClaim> {
  requireRole(viewer, ["distributor", "rebate_analyst", "admin"]);
  const parsed = claimBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The claim has lines that cannot be read", parsed.error.issues.slice(0, 200).map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const input = parsed.data;
  const numbered = input.lines.map((l, i) => ({ ...l, line: l.line ?? i + 1 }));
  const seen = new Set<number>();
  for (const l of numbered) {
    if (seen.has(l.line)) throw new AppError("validation_failed", `Line number ${l.line} appears twice`, [{ path: `lines.${l.line}`, message: "Each line has its own number" }]);
    seen.add(l.line);
  }
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const d = await resolveDistributor(tx, viewer, opts.distributorCode);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sellthru.claims'), ${d.id})`);
    const settings = await getSettings(tx);
    let claimId: string;
    let revision: number;
    if (input.claim) {
      const c = await firstRow(tx, sql`select id, latest_revision, to_char(period, 'YYYY-MM') as period
        from claims where id = ${input.claim}::uuid and distributor_id = ${d.id} for update`, (r) => ({ id: str(r.id), latest_revision: num(r.latest_revision), period: str(r.period) }));
      if (!c) throw notFound("No such claim");
      if (c.period !== input.period) throw new AppError("validation_failed", `Claim ${c.id} is for ${c.period}, not ${input.period}`, [{ path: "period", message: `The claim's period is ${c.period}` }]);
      claimId = c.id;
      revision = c.latest_revision + 1;
    } else {
      claimId = crypto.randomUUID();
      revision = 1;
    }
    const revisionId = crypto.randomUUID();
    if (revision === 1) {
      await tx.execute(sql`insert into claims (id, distributor_id, period, reference, latest_revision, latest_revision_id, created_by, created_at)
        values (${claimId}::uuid, ${d.id}, ${periodToDate(input.period)}::date, ${input.reference ?? null}, 1, ${revisionId}::uuid, ${viewer.userId}::uuid, ${now.toISOString()}::timestamptz)`);
    }
    await tx.execute(sql`insert into claim_revisions (id, claim_id, distributor_id, revision, submitted_at, submitted_by, source, file_name, line_count)
      values (${revisionId}::uuid, ${claimId}::uuid, ${d.id}, ${revision}, ${now.toISOString()}::timestamptz, ${viewer.userId}::uuid, ${opts.source}, ${opts.fileName ?? null}, ${numbered.length})`);
    if (revision > 1) {
      await tx.execute(sql`update claims set latest_revision = ${revision}, latest_revision_id = ${revisionId}::uuid,
        reference = coalesce(${input.reference ?? null}, reference) where id = ${claimId}::uuid`);
    }
    await insertLines(tx, revisionId, d.id, numbered);
    await validateClaimRevision(tx, {
      revisionId, claimId, distributorId: d.id, submittedOn: now.toISOString().slice(0, 10),
      costTolerancePct: Number(settings.claimCostTolerancePct),
    });
    await storeClaimTotals(tx, revisionId);
    await recordAudit(tx, viewer, "claim.submit", { distributorId: d.id, subject: `${d.code} ${input.period} claim r${revision}`, data: { claimId, revision, lines: numbered.length, source: opts.source } });
    return { id: claimId, revision, revisionId, distributorId: d.id };
  });
}

type Line = ReturnType<typeof claimBodySchema.parse>["lines"][number] & { line: number };

/** The lines as sent, in slices of 20,000 (one statement each); the SKU resolved by our SKU or the distributor's cross-reference. */
async function insertLines(tx: Queryable, revisionId: string, distributorId: number, lines: Line[]) {
  for (let i = 0; i < lines.length; i += 20_000) {
    const slice = lines.slice(i, i + 20_000).map((l) => ({
      n: l.line, a: l.authorization, i: l.invoice, il: l.invoiceLine, d: l.shipDate, c: l.endCustomer, s: l.sku,
      q: l.quantity, b: l.bookCost, ac: l.authorizedCost, m: l.claimedAmount,
    }));
    // The authorisation is resolved here (this distributor's only), so the validation's update leaves
    // every indexed column as it is and stays on the line's page (claim_lines has fillfactor 50).
    await tx.execute(sql`insert into claim_lines (revision_id, line_no, distributor_id, authorization_number, authorization_id, invoice,
        invoice_line, ship_date, end_customer, sku, product_id, quantity, book_cost, authorized_cost, claimed_amount)
      select ${revisionId}::uuid, j.n, ${distributorId}, j.a, a.id, j.i, j.il, j.d, j.c, j.s,
        coalesce(p.id, (select x.product_id from part_xrefs x where x.distributor_id = ${distributorId} and upper(x.distributor_part) = upper(j.s))),
        j.q, j.b, j.ac, j.m
      from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb)
        as j(n int, a text, i text, il text, d date, c text, s text, q int, b numeric, ac numeric, m numeric)
      left join products p on upper(p.sku) = upper(j.s)
      left join sd_authorizations a on upper(a.number) = upper(j.a) and a.distributor_id = ${distributorId}`);
  }
}
