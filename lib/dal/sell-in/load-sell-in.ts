import { inArray, sql } from "drizzle-orm";
import Papa from "papaparse";
import type { Queryable } from "@/db/open";
import { distributors, movements, products } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { dateToPeriod, periodToDate } from "@/lib/domain/periods";
import { SELL_IN_HEADER, sellInRowSchema, type SellInRow } from "@/lib/validation/sell-in";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";
import { updateLedger } from "../ledger/update-ledger";
import { syncAutomaticExceptions } from "../exceptions/sync-automatic";
import { currentLedgerPeriod } from "../ledger/current-period";
import { getSettings } from "../settings/get-settings";
import { earliestPeriod, ensurePeriods } from "../periods/ensure-periods";

export interface SellInReport {
  loaded: number;
  duplicates: number;
  errors: { line: number; message: string }[];
  /** Automatic exceptions the load opened (rows it took out of tolerance). */
  exceptionsOpened: number;
  /** Lines loaded before without a cost whose `unit_cost` this load filled in (they count as duplicates too). */
  costsFilled: number;
}

const BATCH = 1000;

/**
 * Loads ERP shipment lines as sell-in movements. Idempotent per document and line: a line already
 * loaded counts as a duplicate (its quantity is never changed; a `unit_cost` is filled in when it had
 * none). Bad rows are reported by line number; good rows load. The header names the
 * {@link SELL_IN_HEADER} columns and may add `unit_cost` (book cost per unit, for ship & debit).
 */
export async function loadSellIn(db: Queryable, viewer: Viewer, csv: string): Promise<SellInReport> {
  requireRole(viewer, ["admin", "channel_manager"]);
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = SELL_IN_HEADER.filter((h) => !fields.includes(h));
  if (missing.length) {
    throw new AppError("validation_failed", `The CSV header lacks ${missing.join(", ")}; expected ${SELL_IN_HEADER.join(",")}`, [
      { path: "header", message: `Missing columns: ${missing.join(", ")}` },
    ]);
  }
  const errors: SellInReport["errors"] = [];
  const good: { line: number; row: SellInRow }[] = [];
  parsed.data.forEach((raw, i) => {
    const line = i + 2;
    const r = sellInRowSchema.safeParse(raw);
    if (r.success) good.push({ line, row: r.data });
    else errors.push({ line, message: r.error.issues.map((x) => x.message).join("; ") });
  });

  const codes = [...new Set(good.map((g) => g.row.distributor_code))];
  const skus = [...new Set(good.map((g) => g.row.sku))];
  const dMap = new Map(
    codes.length ? (await db.select({ id: distributors.id, code: distributors.code }).from(distributors).where(inArray(distributors.code, codes))).map((d) => [d.code, d.id]) : [],
  );
  const pMap = new Map(
    skus.length ? (await db.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, skus))).map((p) => [p.sku, p.id]) : [],
  );
  const rows: (typeof movements.$inferInsert)[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const { line, row } of good) {
    const d = dMap.get(row.distributor_code);
    const p = pMap.get(row.sku);
    if (!d) errors.push({ line, message: `Unknown distributor_code ${row.distributor_code}` });
    else if (!p) errors.push({ line, message: `Unknown sku ${row.sku}` });
    else {
      const key = `${row.document}\u0000${row.line}`;
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      rows.push({
        distributorId: d, productId: p, type: "sell_in", quantity: row.quantity,
        period: periodToDate(dateToPeriod(row.ship_date)), occurredOn: row.ship_date,
        document: row.document, documentLine: row.line, unitCost: row.unit_cost, createdBy: viewer.userId,
      });
    }
  }

  let loaded = 0;
  let exceptionsOpened = 0;
  let costsFilled = 0;
  await db.transaction(async (tx) => {
    // What was really inserted (not the duplicates): per distributor, its products and first period.
    const changed = new Map<number, { products: Set<number>; from: string }>();
    for (let i = 0; i < rows.length; i += BATCH) {
      // A line loaded before is left as it was, but for a cost it did not have (xmax <> 0: updated, not inserted).
      const written = await tx
        .insert(movements)
        .values(rows.slice(i, i + BATCH))
        .onConflictDoUpdate({
          target: [movements.document, movements.documentLine], targetWhere: sql`document is not null`,
          set: { unitCost: sql`excluded.unit_cost` }, setWhere: sql`${movements.unitCost} is null and excluded.unit_cost is not null`,
        })
        .returning({ distributorId: movements.distributorId, productId: movements.productId, period: movements.period, inserted: sql<boolean>`(xmax = 0)` });
      const inserted = written.filter((m) => m.inserted);
      costsFilled += written.length - inserted.length;
      loaded += inserted.length;
      for (const m of inserted) {
        const c = changed.get(m.distributorId) ?? { products: new Set<number>(), from: m.period };
        c.products.add(m.productId);
        if (m.period < c.from) c.from = m.period;
        changed.set(m.distributorId, c);
      }
    }
    duplicates += rows.length - loaded;
    if (loaded > 0) {
      const s = await getSettings(tx);
      const periodsTouched = [...new Set(rows.map((r) => dateToPeriod(r.period as string)))].sort();
      const last = await currentLedgerPeriod(tx);
      const first = periodsTouched[0]!;
      await ensurePeriods(tx, s, first < (await earliestPeriod(tx, last)) ? first : await earliestPeriod(tx, last), last > periodsTouched.at(-1)! ? last : periodsTouched.at(-1)!);
      // The ledger rows of each distributor × the products shipped, from the first period shipped on
      // (a load for a past period rolls the following periods forward), and their automatic exceptions.
      for (const [distributorId, c] of [...changed].sort((a, b) => a[0] - b[0])) {
        const change = { distributorId, productIds: [...c.products], from: periodToDate(dateToPeriod(c.from)) };
        await updateLedger(tx, change);
        exceptionsOpened += (await syncAutomaticExceptions(tx, change, "sell_in")).opened;
      }
    }
    await recordAudit(tx, viewer, "sell_in.load", { data: { loaded, duplicates, errors: errors.length, exceptionsOpened, costsFilled } });
  });
  errors.sort((a, b) => a.line - b.line);
  return { loaded, duplicates, errors, exceptionsOpened, costsFilled };
}
