import type { Metadata } from "next";
import { withViewerReadDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listGaps } from "@/lib/dal/gaps/list-gaps";
import { getReportQuality } from "@/lib/dal/gaps/report-quality";
import { QUALITY_PARTS, QUALITY_PART_LABELS } from "@/lib/domain/quality";
import { getGapFacets } from "@/lib/dal/gaps/gap-facets";
import { DEFAULT_GAP_SORT, gapQuerySchema } from "@/lib/validation/gaps";
import { getFormatter } from "@/lib/format/request-format";
import { GapGrid } from "@/components/gap-table/gap-grid";
import { worksExceptions } from "@/lib/dal/corrections/approval-queue";
import { bulkOpenAction } from "../exceptions/actions";
import { GapFilters } from "@/components/gap-table/gap-filters";
import { viewQuery } from "@/components/gap-table/columns";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Gaps" };

export default async function GapsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/gaps");
  const f = await getFormatter();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]).filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  const parsed = gapQuerySchema.safeParse({ ...raw, cursor: undefined, limit: undefined });
  const query = parsed.success ? parsed.data : gapQuerySchema.parse({});
  const [page, facets, quality] = await withViewerReadDb(viewer, async (db) => {
    const [p, f] = await Promise.all([listGaps(db, viewer, { ...query, limit: 200 }), getGapFacets(db, viewer)]);
    // Filtered to one distributor: the quality of its report for the period (in the same transaction).
    const q = query.distributor ? await getReportQuality(db, viewer, { distributor: query.distributor, period: p.period }) : null;
    return [p, f, q] as const;
  });
  const values = parsed.success ? raw : {};
  const shared = viewQuery({ ...values, period: page.period });
  const sort = query.sort ?? DEFAULT_GAP_SORT;
  const t = page.totals;
  const gapPct = t.calculated ? (t.gap * 100) / t.calculated : null;

  return (
    <div>
      <PageHeader
        title="Calculated vs reported inventory"
        description={
          <>
            {f.period(page.period)} · calculated = opening + sell-in − sell-through − returns ± adjustments; gap = calculated − reported.
          </>
        }
        actions={
          <>
            <a className={buttonClasses({ variant: "secondary", size: "sm" })} href={`/api/v1/gaps?${shared}&format=csv`} download>
              Export CSV
            </a>
            <a className={buttonClasses({ variant: "secondary", size: "sm" })} href={`/api/v1/gaps?${shared}&format=xlsx`} download>
              Export XLSX
            </a>
          </>
        }
      />
      {page.preparing ? (
        <p role="status" data-testid="period-preparing" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Period being prepared: {f.period(page.period)} has ended and its balances are being carried forward by the
          scheduled job. The rows below are those written so far (submissions and loads of this period); the others appear when it
          has run.
        </p>
      ) : null}
      {quality ? (
        <p data-testid="report-quality" className="mb-3 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
          <span className="font-medium text-slate-900">
            {quality.distributor}&rsquo;s {f.period(quality.period)} report (revision {quality.revision}): quality {quality.score}/100
          </span>{" "}
          — {QUALITY_PARTS.map((p) => `${QUALITY_PART_LABELS[p].toLowerCase()} ${quality.parts[p]}`).join(" · ")}
        </p>
      ) : null}
      <Card className="mb-3 grid grid-cols-2 gap-4 px-4 py-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Rows (distributor × SKU)" value={t.rows} />
        <Stat label="Σ sell-in" value={t.sellIn} />
        <Stat label="Σ sell-through" value={t.sellThrough} />
        <Stat label="Σ calculated" value={t.calculated} />
        <Stat label="Σ reported" value={t.reported} hint="rows that reported" />
        <Stat
          label="Σ gap"
          value={<span className={t.gap > 0 ? "text-red-700" : t.gap < 0 ? "text-amber-800" : undefined}>{f.number(t.gap, { signed: t.gap !== 0 })}</span>}
          hint={gapPct === null ? "—" : `${f.number(gapPct, { digits: 1 })} % of calculated`}
        />
      </Card>
      <GapFilters
        values={values}
        period={page.period}
        periods={facets.periods}
        distributors={facets.distributors}
        families={facets.families}
        thresholds={facets.thresholds}
      />
      {!parsed.success && (
        <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/30">
          Some filters in the link were not understood and were ignored: {parsed.error.issues.map((i) => i.path.join(".")).join(", ")}.
        </p>
      )}
      {page.rows.length === 0 ? (
        <EmptyState title="No rows match these filters" description="Loosen a threshold, clear a flag or pick another period." />
      ) : (
        <GapGrid initial={page} query={shared} sort={sort} bulkOpenAction={worksExceptions(viewer) ? bulkOpenAction : undefined} />
      )}
    </div>
  );
}
