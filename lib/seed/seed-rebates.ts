/**
 * Demo rebate programmes: the current calendar quarter and the previous one (relative to `today`,
 * UTC). With the demo's cast this gives eligible and ineligible partners for different reasons:
 * previous quarter — CES late every period (1 allowed), BSE incomplete (4 stocked SKUs left out);
 * current quarter so far — CES 3 days late, MPD not submitted, KCE inaccurate (a delayed POS).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import * as t from "@/db/schema";
import { firstRow, str } from "@/db/sql-rows";

function quarterStart(today: Date): { year: number; month: number } {
  return { year: today.getUTCFullYear(), month: Math.floor(today.getUTCMonth() / 3) * 3 + 1 };
}

function quarter(year: number, firstMonth: number) {
  const idx = year * 12 + firstMonth - 1;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  const p = (mm: number) => `${y}-${String(mm).padStart(2, "0")}-01`;
  return { name: `Q${Math.floor((m - 1) / 3) + 1} ${y}`, from: p(m), to: p(m + 2) };
}

export async function seedRebates(tx: Queryable, today = new Date()) {
  const analyst = await firstRow(tx, sql`select id from users where role = 'rebate_analyst' order by email limit 1`, (r) => ({ id: str(r.id) }));
  const q = quarterStart(today);
  const current = quarter(q.year, q.month);
  const previous = quarter(q.year, q.month - 3);
  await tx.insert(t.rebatePrograms).values([
    {
      name: `Reporting rebate ${previous.name}`, fromPeriod: previous.from, toPeriod: previous.to,
      graceDays: 1, lateAllowed: 1, minCompletenessPct: "95.00", maxAccuracyPct: "2.00", ratePct: "1.50", createdBy: analyst?.id ?? null,
    },
    {
      name: `Reporting rebate ${current.name}`, fromPeriod: current.from, toPeriod: current.to,
      graceDays: 0, lateAllowed: 0, minCompletenessPct: "95.00", maxAccuracyPct: "2.00", ratePct: "1.50", createdBy: analyst?.id ?? null,
    },
  ]);
}
