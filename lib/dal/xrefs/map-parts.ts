/**
 * `mapParts(db, viewer, input)` → `{ mapped: [{ part, sku }] }`
 *
 * Remembers the distributor's own part numbers as our SKUs (the cross-reference, `part_xrefs`, one
 * row per distributor × upper(part)): an unknown part in an upload, mapped on the spot, resolves in
 * every later upload. Mapping a part again replaces its SKU. Distributor users only (their own
 * tenant); every SKU must be in the catalogue (400 naming it, nothing stored).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, type Issue } from "@/lib/errors";
import { mapPartsSchema } from "@/lib/validation/uploads";
import { requireRole, resolveDistributor } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { num, rows, str } from "@/db/sql-rows";

export interface MapPartsResult {
  mapped: { part: string; sku: string }[];
}

export async function mapParts(db: Queryable, viewer: Viewer, raw: unknown): Promise<MapPartsResult> {
  requireRole(viewer, ["distributor"]);
  const parsed = mapPartsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("validation_failed", `${issues[0]?.message ?? "Not valid"}; nothing was stored`, issues);
  }
  const d = await resolveDistributor(db, viewer);
  // The last mapping of a part wins when one request names it twice.
  const byPart = new Map<string, { part: string; sku: string }>();
  for (const m of parsed.data.mappings) byPart.set(m.part.toUpperCase(), m);
  const list = [...byPart.values()];

  const wanted = [...new Set(list.map((m) => m.sku.toUpperCase()))];
  const found = await rows(
    db,
    sql`
      select distinct on (upper(sku)) id, sku, upper(sku) as key from products
       where upper(sku) = any(${sql.param(wanted)}::text[])
       order by upper(sku), (sku = any(${sql.param(list.map((m) => m.sku))}::text[])) desc, id`,
    (r) => ({ id: num(r.id), sku: str(r.sku), key: str(r.key) }),
  );
  const product = new Map(found.map((r) => [r.key, { id: r.id, sku: r.sku }]));
  const issues: Issue[] = [];
  list.forEach((m, i) => {
    if (!product.has(m.sku.toUpperCase())) issues.push({ path: `mappings.${i}.sku`, message: `Unknown SKU ${m.sku}: it is not in the catalogue` });
  });
  if (issues.length) throw new AppError("validation_failed", `${issues.length === 1 ? "1 SKU is" : `${issues.length} SKUs are`} not in the catalogue; nothing was stored`, issues);

  const payload = JSON.stringify(list.map((m) => ({ part: m.part, p: product.get(m.sku.toUpperCase())!.id })));
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into part_xrefs (distributor_id, distributor_part, product_id, created_by)
      select ${d.id}, x.part, x.p, ${viewer.userId}::uuid from jsonb_to_recordset(${payload}::jsonb) as x(part text, p int)
      on conflict (distributor_id, upper(distributor_part)) do update set product_id = excluded.product_id, created_by = excluded.created_by`);
    const mapped = list.map((m) => ({ part: m.part, sku: product.get(m.sku.toUpperCase())!.sku }));
    await recordAudit(tx, viewer, "xref.map", { distributorId: d.id, subject: `${d.code} ${mapped.length} part${mapped.length === 1 ? "" : "s"}`, data: { mapped } });
    return { mapped };
  });
}
