/**
 * Ship & debit authorisations: created by staff (screen, CSV, API), read by staff and by the
 * distributor they were issued to, each with its open liability — the quantity not yet approved in
 * claims × the debit per unit (book cost on record − authorised cost).
 */
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { isStaff } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { authorizationSchema, type AuthorizationBody } from "@/lib/validation/claims";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { bool, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";

export interface AuthorizationView {
  id: string;
  number: string;
  distributor: string;
  endCustomer: { id: string | null; name: string };
  sku: string;
  authorizedCost: string;
  minResale: string | null;
  quantityLimit: number;
  validFrom: string;
  validTo: string;
  currency: string;
  claimWindowDays: number;
  claimedQuantity: number;
  remainingQuantity: number;
  /** Book cost on record (latest sell-in cost, else list price) − authorised cost, per unit. */
  debitPerUnit: string;
  openLiability: string;
  active: boolean;
}

export interface SaveAuthorizationsResult {
  created: number;
  updated: number;
  errors: { line: number; message: string }[];
}

/** A listed authorisation, with `today` deciding whether its claim window is still open. */
const authorizationRow = (today: string): RowMapper<AuthorizationView> => (r) => {
  const remaining = Math.max(0, num(r.quantity_limit) - num(r.claimed));
  const debit = Math.max(0, num(r.book) - num(r.authorized_cost));
  // Claims may still come for shipments up to valid_to, until the claim window after it closes.
  const closes = new Date(Date.parse(`${str(r.vt)}T00:00:00Z`) + num(r.claim_window_days) * 86_400_000).toISOString().slice(0, 10);
  const active = closes >= today;
  const minResale = numOrNull(r.min_resale);
  return {
    id: str(r.id), number: str(r.number), distributor: str(r.code),
    endCustomer: { id: strOrNull(r.end_customer_id), name: str(r.end_customer_name) },
    sku: str(r.sku), authorizedCost: String(num(r.authorized_cost)), minResale: minResale === null ? null : String(minResale),
    quantityLimit: num(r.quantity_limit), validFrom: str(r.vf), validTo: str(r.vt), currency: str(r.currency),
    claimWindowDays: num(r.claim_window_days), claimedQuantity: num(r.claimed), remainingQuantity: remaining,
    debitPerUnit: debit.toFixed(4).replace(/0{1,2}$/, ""), openLiability: active ? (Math.round(remaining * debit * 100) / 100).toFixed(2) : "0.00", active,
  };
};

/**
 * Creates authorisations, or updates one with the same number (same distributor). Bad rows are
 * listed by line; good rows are stored (all in one transaction).
 */
export async function saveAuthorizations(db: Queryable, viewer: Viewer, bodies: AuthorizationBody[], firstLine = 1): Promise<SaveAuthorizationsResult> {
  requireRole(viewer, ["rebate_analyst", "channel_manager", "admin"]);
  const errors: SaveAuthorizationsResult["errors"] = [];
  const good: { line: number; a: ReturnType<typeof authorizationSchema.parse> }[] = [];
  bodies.forEach((b, i) => {
    const r = authorizationSchema.safeParse(b);
    if (r.success) good.push({ line: firstLine + i, a: r.data });
    else errors.push({ line: firstLine + i, message: r.error.issues.map((x) => `${x.path.join(".") || "row"}: ${x.message}`).join("; ") });
  });
  const seen = new Map<string, number>();
  for (let i = good.length - 1; i >= 0; i--) {
    const { line, a } = good[i]!;
    const key = a.number.toUpperCase();
    const later = seen.get(key);
    if (later !== undefined) {
      errors.push({ line, message: `Authorisation ${a.number} appears again on line ${later}; the later line is kept` });
      good.splice(i, 1);
    }
    seen.set(key, line);
  }
  if (!good.length) return { created: 0, updated: 0, errors };
  return db.transaction(async (tx) => {
    const json = JSON.stringify(good.map(({ line, a }) => ({ line, ...a, endCustomerId: a.endCustomer.id, endCustomerName: a.endCustomer.name })));
    const results = await rows(tx, sql`with j as (
        select * from jsonb_to_recordset(${json}::jsonb) as j(line int, number text, distributor text, "endCustomerId" text, "endCustomerName" text,
          sku text, "authorizedCost" numeric, "minResale" numeric, "quantityLimit" int, "validFrom" date, "validTo" date, currency text, "claimWindowDays" int)
      ), resolved as (
        select j.*, d.id as distributor_id, p.id as product_id, a.distributor_id as existing_distributor
        from j left join distributors d on d.code = j.distributor left join products p on upper(p.sku) = upper(j.sku)
        left join sd_authorizations a on upper(a.number) = upper(j.number)
      ), upserted as (
        insert into sd_authorizations as a (number, distributor_id, end_customer_id, end_customer_name, product_id, authorized_cost, min_resale,
          quantity_limit, valid_from, valid_to, currency, claim_window_days, created_by)
        select number, distributor_id, "endCustomerId", "endCustomerName", product_id, "authorizedCost", "minResale", "quantityLimit",
          "validFrom", "validTo", currency, "claimWindowDays", ${viewer.userId}::uuid
        from resolved where distributor_id is not null and product_id is not null
          and (existing_distributor is null or existing_distributor = distributor_id)
        on conflict ((upper(number))) do update set end_customer_id = excluded.end_customer_id, end_customer_name = excluded.end_customer_name,
          product_id = excluded.product_id, authorized_cost = excluded.authorized_cost, min_resale = excluded.min_resale,
          quantity_limit = excluded.quantity_limit, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
          currency = excluded.currency, claim_window_days = excluded.claim_window_days, version = a.version + 1
        where a.distributor_id = excluded.distributor_id
        returning upper(a.number) as key, (xmax = 0) as inserted
      )
      select r.line, case
          when r.distributor_id is null then 'No distributor ' || r.distributor
          when r.product_id is null then 'No SKU ' || r.sku
          when r.existing_distributor is not null and r.existing_distributor <> r.distributor_id then 'Authorisation ' || r.number || ' belongs to another distributor'
        end as problem, u.inserted
      from resolved r left join upserted u on u.key = upper(r.number) order by r.line`, (r) => ({ line: num(r.line), problem: strOrNull(r.problem), inserted: bool(r.inserted) }));
    let created = 0;
    let updated = 0;
    for (const r of results) {
      if (r.problem) errors.push({ line: r.line, message: r.problem });
      else if (r.inserted) created++;
      else updated++;
    }
    errors.sort((a, b) => a.line - b.line);
    await recordAudit(tx, viewer, "authorization.save", { subject: `${created} created, ${updated} updated`, data: { created, updated, errors: errors.length } });
    return { created, updated, errors };
  });
}

/** CSV with snake_case headers (number, distributor, end_customer_id, end_customer_name, sku, authorized_cost, min_resale, quantity_limit, valid_from, valid_to, currency, claim_window_days). */
export async function importAuthorizationsCsv(db: Queryable, viewer: Viewer, csv: string): Promise<SaveAuthorizationsResult> {
  requireRole(viewer, ["rebate_analyst", "channel_manager", "admin"]);
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  const required = ["number", "distributor", "end_customer_name", "sku", "authorized_cost", "quantity_limit", "valid_from", "valid_to"];
  const missing = required.filter((h) => !fields.includes(h) && !(h === "end_customer_name" && fields.includes("end_customer")));
  if (missing.length) throw new AppError("validation_failed", `The CSV header lacks ${missing.join(", ")}`, [{ path: "header", message: `Missing columns: ${missing.join(", ")}` }]);
  const num = (s: string | undefined) => (s == null || s.trim() === "" ? undefined : Number(s.replace(/[$,\s]/g, "")));
  const bodies = parsed.data.map((r): AuthorizationBody => ({
    number: r.number ?? "", distributor: r.distributor ?? "",
    endCustomer: { id: r.end_customer_id || null, name: r.end_customer_name ?? r.end_customer ?? "" },
    sku: r.sku ?? "", authorizedCost: num(r.authorized_cost) as number, minResale: num(r.min_resale) ?? null,
    quantityLimit: num(r.quantity_limit) as number, validFrom: (r.valid_from ?? "").trim(), validTo: (r.valid_to ?? "").trim(),
    currency: r.currency?.trim() || "USD", claimWindowDays: num(r.claim_window_days) ?? 90,
  }));
  return saveAuthorizations(db, viewer, bodies, 2);
}

/** Authorisations with their open liability; a distributor sees only its own. */
export async function listAuthorizations(db: Queryable, viewer: Viewer, f: { distributorCode?: string | null; number?: string | null; today?: string } = {}): Promise<AuthorizationView[]> {
  requireRole(viewer, ["distributor", "channel_manager", "rebate_analyst", "admin"]);
  const today = f.today ?? new Date().toISOString().slice(0, 10);
  return rows(db, sql`select a.*, d.code, p.sku, p.list_price,
      a.valid_from::text as vf, a.valid_to::text as vt,
      coalesce(c.q, 0)::int as claimed,
      coalesce((select m.unit_cost from movements m where m.distributor_id = a.distributor_id and m.product_id = a.product_id
        and m.type = 'sell_in' and m.unit_cost is not null order by m.occurred_on desc limit 1), p.list_price) as book
    from sd_authorizations a join distributors d on d.id = a.distributor_id join products p on p.id = a.product_id
    left join lateral (
      select sum(cl.approved_quantity) as q from claim_lines cl join claims k on k.latest_revision_id = cl.revision_id
      where cl.authorization_id = a.id and cl.outcome <> 'rejected'
    ) c on true
    where ${isStaff(viewer) ? sql`true` : sql`a.distributor_id = ${viewer.distributorId ?? -1}`}
      ${f.distributorCode ? sql`and d.code = ${f.distributorCode.toUpperCase()}` : sql``}
      ${f.number ? sql`and upper(a.number) = upper(${f.number})` : sql``}
    order by d.code, a.number`, authorizationRow(today));
}
