import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { periodRange } from "@/lib/domain/periods";
import { requireStaff } from "../authorize";
import { mapRows, str, strOrNull } from "@/db/sql-rows";
import { getSettings } from "../settings/get-settings";

export interface GapFacets {
  periods: string[];
  distributors: { code: string; name: string }[];
  families: string[];
  thresholds: { units: number; pct: number };
}

/** What the gap view's filters offer: the ledger's periods (newest first), distributors, families, thresholds. */
export async function getGapFacets(db: Queryable, viewer: Viewer): Promise<GapFacets> {
  requireStaff(viewer);
  const [bounds, ds, fs, s] = await Promise.all([
    db.execute(sql`select to_char(min(period), 'YYYY-MM') as first, to_char(max(period), 'YYYY-MM') as last from ledger_balances`),
    db.execute(sql`select code, name from distributors order by code`),
    db.execute(sql`select distinct family from products order by family`),
    getSettings(db),
  ]);
  const [b] = mapRows(bounds, (r) => ({ first: strOrNull(r.first), last: strOrNull(r.last) }));
  return {
    periods: b?.first && b.last ? periodRange(b.first, b.last).reverse() : [],
    distributors: mapRows(ds, (r) => ({ code: str(r.code), name: str(r.name) })),
    families: mapRows(fs, (r) => str(r.family)),
    thresholds: { units: s.gapUnitsThreshold, pct: s.gapPctThreshold },
  };
}
