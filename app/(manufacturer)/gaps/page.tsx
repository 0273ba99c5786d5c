import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listGaps } from "@/lib/dal/gaps/list-gaps";
import { gapQuerySchema } from "@/lib/validation/gaps";
import { formatPeriodLabel } from "@/lib/domain/periods";
import { GapTable } from "@/components/gap-table/gap-table";
import { GapFilters } from "@/components/gap-table/gap-filters";

export const metadata: Metadata = { title: "Gaps" };

export default async function GapsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/gaps");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = gapQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : gapQuerySchema.parse({});
  const page = await listGaps(await getDb(), viewer, { ...query, limit: Math.min(query.limit, 500) });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Calculated vs reported inventory</h1>
          <p className="text-sm text-slate-600">
            {formatPeriodLabel(page.period)} · {page.totals.rows.toLocaleString("en-US")} distributor × SKU rows · calculated = opening + sell-in − sell-through − returns ± adjustments
          </p>
        </div>
        <a
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          href={`/api/v1/gaps?${new URLSearchParams({ ...raw, format: "csv" }).toString()}`}
        >
          Export CSV
        </a>
      </div>
      <GapFilters values={raw} period={page.period} />
      <GapTable page={page} />
      {!parsed.success && <p className="text-sm text-red-700">Some filters were not understood and were ignored.</p>}
    </div>
  );
}
