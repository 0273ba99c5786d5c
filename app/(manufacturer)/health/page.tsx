import type { Metadata } from "next";
import Link from "next/link";
import { withViewerReadDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { getChannelHealth, RISK_WINDOW } from "@/lib/dal/health/channel-health";
import { getGapFacets } from "@/lib/dal/gaps/gap-facets";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { healthQuerySchema } from "@/lib/validation/gaps";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { Num } from "@/components/ui/num";
import { Table, THead, TBody, TR, TH, TD } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { InventoryFlowChart } from "@/components/charts/inventory-flow-chart";
import { WeeksOfSupplyChart } from "@/components/charts/weeks-of-supply-chart";
import { HealthScope } from "@/components/health/health-scope";
import { FLAG_LABELS } from "@/components/gap-table/columns";

export const metadata: Metadata = { title: "Channel health" };

export default async function HealthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/health");
  const f = await getFormatter();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = healthQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : healthQuerySchema.parse({});
  const [h, facets, settings] = await withViewerReadDb(viewer, (db) => Promise.all([getChannelHealth(db, viewer, q), getGapFacets(db, viewer), getSettings(db)]));
  const scopeLabel = h.scope.distributor ? `${h.scope.distributor.code} · ${h.scope.distributor.name}` : "All channel";
  const scopeText = [scopeLabel, h.scope.family ? `family ${h.scope.family}` : null].filter(Boolean).join(" · ");
  const c = h.current;
  const gapsLink = (extra: Record<string, string>) =>
    `/gaps?${new URLSearchParams({ period: h.period, ...(h.scope.distributor ? { distributor: h.scope.distributor.code } : {}), ...(h.scope.family ? { family: h.scope.family } : {}), ...extra }).toString()}`;
  const maxAbs = Math.max(1, ...h.distributors.map((d) => d.absGap));

  return (
    <div className="space-y-5">
      <PageHeader
        className="mb-0"
        title="Channel health"
        description={<>{scopeText} · {f.period(h.period)} · sell-in against sell-through and channel inventory over {h.series.length} periods</>}
        actions={
          <HealthScope
            period={h.period}
            periods={facets.periods}
            distributor={h.scope.distributor?.code}
            family={h.scope.family ?? undefined}
            distributors={h.options.distributors}
            families={h.options.families}
          />
        }
      />

      <Card className="grid grid-cols-2 gap-4 px-4 py-3 sm:grid-cols-4 lg:grid-cols-7">
        <Stat label="Σ calculated" value={c.calculated} />
        <Stat label="Σ reported" value={c.reported} hint={`${f.number(c.reportedRows)} of ${f.number(c.rows)} rows reported`} />
        <Stat label="Σ gap" value={c.gap} signed />
        <Stat label="Weeks of supply" value={c.weeksOfSupply} digits={1} hint={`excess above ${settings.excessWeeks}`} />
        <Stat label="Excess" value={<Link href={gapsLink({ flag: "excess" })} className="text-amber-800 hover:underline">{f.number(c.excess)}</Link>} hint="SKU rows" />
        <Stat label="Burning down" value={<Link href={gapsLink({ flag: "burning_down" })} className="text-red-700 hover:underline">{f.number(c.burningDown)}</Link>} hint="SKU rows" />
        <Stat label="Slowing" value={<Link href={gapsLink({ flag: "slowing" })} className="text-blue-700 hover:underline">{f.number(c.slowing)}</Link>} hint="SKU rows" />
      </Card>

      <div className="grid gap-5 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <CardHeader title="Sell-in vs sell-through, channel inventory" description={`${scopeText}: units shipped in and resold per period; Σ calculated and Σ reported inventory at period end.`} />
          <div className="px-2 py-3">
            {h.series.length ? (
              <InventoryFlowChart data={h.series} height={320} label={`Chart of sell-in, sell-through and channel inventory, ${scopeText}`} />
            ) : (
              <EmptyState title="No ledger rows in this scope" />
            )}
          </div>
        </Card>
        <Card>
          <CardHeader title="Weeks of supply" description="Σ reported ÷ trailing-3 monthly sell-through, reporting rows only." />
          <div className="px-2 py-3">
            <WeeksOfSupplyChart data={h.series.map((p) => (p.notYetDue ? { ...p, weeksOfSupply: null } : p))} target={settings.excessWeeks} label={`Chart of weeks of supply, ${scopeText}`} />
          </div>
        </Card>
      </div>

      <div className="grid gap-5 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Distributors at risk"
            description={`Many flags, large gaps, or late and missing reporting over the last ${RISK_WINDOW} periods.`}
          />
          {h.atRisk.length ? (
            <ol aria-label="Distributors at risk" className="divide-y divide-slate-100">
              {h.atRisk.map((d) => (
                <li key={d.code} className="flex items-start gap-3 px-4 py-2.5">
                  <span className="mt-0.5 inline-flex size-9 shrink-0 items-center justify-center rounded-md bg-red-50 text-sm font-semibold text-red-700 ring-1 ring-red-600/20 tabular-nums" title="Risk score">
                    {f.number(d.score, { digits: 0 })}
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-medium text-slate-900">
                      <Link href={`/health?period=${h.period}&distributor=${d.code}`} className="hover:underline">{d.code} · {d.name}</Link>
                    </p>
                    <ul className="mt-1 flex flex-wrap gap-1">
                      {d.reasons.map((r) => (
                        <li key={r}><Badge tone={r.includes("not reported") || r.includes("late") ? "red" : "amber"}>{f.message(r)}</Badge></li>
                      ))}
                    </ul>
                  </div>
                  <Link href={gapsLink({ distributor: d.code, significant: "1" })} className="shrink-0 text-xs font-medium text-indigo-700 hover:underline">
                    Gaps →
                  </Link>
                </li>
              ))}
            </ol>
          ) : (
            <EmptyState className="m-4" title="No distributor at risk" description="Reporting is on time and gaps and flags are small." />
          )}
        </Card>
        <Card>
          <CardHeader title="Largest gaps · distributor × SKU" description="|calculated − reported| this period." actions={<Link href={gapsLink({ sort: "-absGap" })} className="text-xs font-medium text-indigo-700 hover:underline">All gaps →</Link>} />
          {h.topSkus.length ? (
            <Table label="Largest gaps by distributor and SKU">
              <THead>
                <TR><TH>Distributor</TH><TH>SKU</TH><TH numeric>Calculated</TH><TH numeric>Reported</TH><TH numeric>Gap</TH><TH numeric>Gap %</TH></TR>
              </THead>
              <TBody>
                {h.topSkus.map((s) => (
                  <TR key={`${s.distributor}-${s.sku}`}>
                    <TD className="font-medium">{s.distributor}</TD>
                    <TD title={s.description}>
                      <Link href={`/gaps/${encodeURIComponent(s.distributor)}/${encodeURIComponent(s.sku)}?period=${h.period}`} className="font-medium text-indigo-700 hover:underline">{s.sku}</Link>
                    </TD>
                    <TD numeric><Num value={s.calculated} /></TD>
                    <TD numeric><Num value={s.reported} /></TD>
                    <TD numeric className={s.gap > 0 ? "font-semibold text-red-700" : "font-semibold text-amber-800"}><Num value={s.gap} signed /></TD>
                    <TD numeric>{s.gapPct == null ? <Num value={null} /> : <span className="block text-right">{f.number(s.gapPct, { digits: 1 })} %</span>}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : (
            <EmptyState className="m-4" title="No reported rows this period" />
          )}
        </Card>
      </div>

      <Card>
        <CardHeader title="Flags and gaps per distributor" description={`${f.period(h.period)}: SKU rows flagged excess, burning down and slowing; Σ|gap| (the bar) against calculated stock; reporting over the last ${RISK_WINDOW} periods.`} />
        <Table label="Flags and gaps per distributor" stickyHeader maxHeight="32rem">
          <THead>
            <TR>
              <TH>Distributor</TH><TH numeric>SKUs</TH>
              <TH numeric>{FLAG_LABELS.excess!.label}</TH><TH numeric>{FLAG_LABELS.burning_down!.label}</TH><TH numeric>{FLAG_LABELS.slowing!.label}</TH>
              <TH numeric>Unreported</TH><TH numeric>Σ gap</TH><TH>Σ |gap|</TH><TH numeric>|gap| %</TH><TH numeric>Quality</TH><TH numeric>Late</TH><TH numeric>Missing</TH>
            </TR>
          </THead>
          <TBody>
            {h.distributors.map((d) => (
              <TR key={d.code}>
                <TD className="font-medium"><Link href={`/health?period=${h.period}&distributor=${d.code}`} className="hover:underline" title={d.name}>{d.code}</Link></TD>
                <TD numeric><Num value={d.rows} /></TD>
                <TD numeric><Link href={gapsLink({ distributor: d.code, flag: "excess" })} className="block hover:underline"><Num value={d.excess} /></Link></TD>
                <TD numeric><Link href={gapsLink({ distributor: d.code, flag: "burning_down" })} className="block hover:underline"><Num value={d.burningDown} /></Link></TD>
                <TD numeric><Link href={gapsLink({ distributor: d.code, flag: "slowing" })} className="block hover:underline"><Num value={d.slowing} /></Link></TD>
                <TD numeric><Num value={d.unreported} /></TD>
                <TD numeric><Num value={d.gap} signed /></TD>
                <TD>
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className="h-2 rounded-sm bg-red-400" style={{ width: `${Math.max(2, (d.absGap / maxAbs) * 96)}px` }} />
                    <span className="tabular-nums">{f.number(d.absGap)}</span>
                  </span>
                </TD>
                <TD numeric>{d.absGapPct == null ? <Num value={null} /> : <span className="block text-right">{f.number(d.absGapPct, { digits: 1 })} %</span>}</TD>
                <TD numeric className={d.quality !== null && d.quality < 90 ? "text-amber-800" : undefined}>
                  <span className="block text-right tabular-nums" title="Data-quality score of the period's latest revision (0–100)" data-testid={`quality-${d.code}`}>{d.quality ?? "—"}</span>
                </TD>
                <TD numeric className={d.late ? "text-amber-800" : undefined}><Num value={d.late} /></TD>
                <TD numeric className={d.missing ? "font-semibold text-red-700" : undefined}><Num value={d.missing} /></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
