import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { addPeriods, dueAt, periodToDate } from "@/lib/domain/periods";
import { WEEKS_PER_MONTH } from "@/lib/domain/ledger";
import type { HealthQuery } from "@/lib/validation/gaps";
import { requireStaff } from "../authorize";
import { date, firstRow, json, mapRows, num, numOrNull, str, type RowMapper } from "@/db/sql-rows";
import { currentLedgerPeriod } from "../ledger/current-period";
import { periodPreparing } from "../ledger/roll-ledger";
import { getSettings } from "../settings/get-settings";

export const HEALTH_PERIODS = 18;
/** Reporting behaviour is judged over this many periods ending at the selected one. */
export const RISK_WINDOW = 6;

export interface HealthPoint {
  period: string;
  sellIn: number;
  sellThrough: number;
  calculated: number;
  reported: number | null;
  gap: number | null;
  weeksOfSupply: number | null;
  rows: number;
  reportedRows: number;
  /** The period's deadline has not passed: its reports are still coming in, so its sums are partial. */
  notYetDue: boolean;
}

export interface DistributorHealth {
  code: string;
  name: string;
  rows: number;
  calculated: number;
  reported: number;
  gap: number;
  absGap: number;
  excess: number;
  burningDown: number;
  slowing: number;
  newGap: number;
  unreported: number;
  late: number;
  missing: number;
  /** Σ|gap| ÷ Σ calculated, in % (null when nothing is calculated). */
  absGapPct: number | null;
  /** The data-quality score (0–100) of the period's latest revision; null when not reported or stored before scores existed. */
  quality: number | null;
  score: number;
  reasons: string[];
}

export interface TopSku {
  distributor: string;
  sku: string;
  description: string;
  family: string;
  calculated: number;
  reported: number | null;
  gap: number;
  gapPct: number | null;
  flags: string[];
}

export interface ChannelHealth {
  period: string;
  from: string;
  scope: { distributor: { code: string; name: string } | null; family: string | null };
  series: HealthPoint[];
  current: HealthPoint & { excess: number; burningDown: number; slowing: number; unreported: number };
  distributors: DistributorHealth[];
  atRisk: DistributorHealth[];
  topSkus: TopSku[];
  options: { distributors: { code: string; name: string }[]; families: string[] };
  /** The month roll has not built this period yet: the rows are those written so far ("period being prepared"). */
  preparing: boolean;
}

/** A period of the series with the flag counts `current` also shows; `notYetDue` is judged against the deadlines. */
type SeriesPoint = HealthPoint & { excess: number; burningDown: number; slowing: number; unreported: number };
const seriesRow =
  (notYetDue: (period: string) => boolean): RowMapper<SeriesPoint> =>
  (r) => ({
    period: str(r.period), sellIn: num(r.sell_in), sellThrough: num(r.sell_through), calculated: num(r.calculated),
    reported: numOrNull(r.reported), gap: numOrNull(r.gap), weeksOfSupply: numOrNull(r.wos), rows: num(r.rows), reportedRows: num(r.reported_rows), notYetDue: notYetDue(str(r.period)),
    excess: num(r.excess), burningDown: num(r.burning_down), slowing: num(r.slowing), unreported: num(r.unreported),
  });

const distributorRow: RowMapper<DistributorHealth> = (r) => {
  const d: DistributorHealth = {
    code: str(r.code), name: str(r.name), rows: num(r.rows), calculated: num(r.calculated), reported: num(r.reported),
    gap: num(r.gap), absGap: num(r.abs_gap), excess: num(r.excess), burningDown: num(r.burning_down), slowing: num(r.slowing),
    newGap: num(r.new_gap), unreported: num(r.unreported), late: num(r.late), missing: num(r.missing), absGapPct: numOrNull(r.abs_gap_pct),
    quality: numOrNull(r.quality),
    score: num(r.score), reasons: [],
  };
  d.reasons = riskReasons(d);
  return d;
};

const topSkuRow: RowMapper<TopSku> = (r) => ({
  distributor: str(r.distributor), sku: str(r.sku), description: str(r.description), family: str(r.family),
  calculated: num(r.calculated), reported: numOrNull(r.reported), gap: num(r.gap), gapPct: numOrNull(r.gap_pct), flags: json<string[] | null>(r.flags) ?? [],
});

/**
 * The channel health dashboard: every figure is one grouped SQL aggregate over ledger_balances
 * (and submissions for reporting behaviour) — no history is fetched into JavaScript.
 * Scope: the whole channel, one distributor, or one product family.
 */
export async function getChannelHealth(db: Queryable, viewer: Viewer, q: HealthQuery, now = new Date()): Promise<ChannelHealth> {
  requireStaff(viewer);
  const period = q.period ?? (await currentLedgerPeriod(db));
  const from = addPeriods(period, -(HEALTH_PERIODS - 1));
  const preparing = await periodPreparing(db, period);
  const riskFrom = addPeriods(period, -(RISK_WINDOW - 1));

  let distributor: { id: number; code: string; name: string } | null = null;
  if (q.distributor) {
    const d = await firstRow(db, sql`select id, code, name from distributors where code = ${q.distributor}`, (r) => ({
      id: num(r.id), code: str(r.code), name: str(r.name),
    }));
    if (!d) throw notFound(`No distributor ${q.distributor}`);
    distributor = d;
  }
  const scope: SQL[] = [];
  if (distributor) scope.push(sql`l.distributor_id = ${distributor.id}`);
  if (q.family) scope.push(sql`l.product_id in (select id from products where family = ${q.family})`);
  const scoped = scope.length ? sql` and ${sql.join(scope, sql` and `)}` : sql``;
  const pd = periodToDate(period);

  const [series, perDistributor, topSkus, dOptions, fOptions, deadlines, settings] = await Promise.all([
    // Σ per period; weeks of supply over the reporting rows: Σ reported ÷ (mean monthly sell-through of
    // those rows over this and up to two previous periods ÷ 4.345) — a window over the grouped series.
    db.execute(sql`
      with s as (
        select l.period, sum(l.sell_in)::float8 as sell_in, sum(l.sell_through)::float8 as sell_through,
               sum(l.calculated)::float8 as calculated, sum(l.reported)::float8 as reported, sum(l.gap)::float8 as gap,
               count(*)::int as rows, count(l.reported)::int as reported_rows,
               coalesce(sum(l.sell_through) filter (where l.reported is not null), 0)::float8 as st_reporting,
               count(*) filter (where 'excess' = any(l.flags))::int as excess,
               count(*) filter (where 'burning_down' = any(l.flags))::int as burning_down,
               count(*) filter (where 'slowing' = any(l.flags))::int as slowing,
               count(*) filter (where l.reported is null)::int as unreported
          from ledger_balances l
         where l.period between ${periodToDate(from)}::date and ${pd}::date ${scoped}
         group by l.period
      )
      select to_char(period, 'YYYY-MM') as period, sell_in, sell_through, calculated, reported, gap, rows, reported_rows,
             excess, burning_down, slowing, unreported,
             case when avg(st_reporting) over w > 0
                  then round((reported * ${sql.raw(String(WEEKS_PER_MONTH))} / avg(st_reporting) over w)::numeric, 1)::float8 end as wos
        from s window w as (order by period rows between 2 preceding and current row)
       order by period`),
    // Per distributor for the period: flags, gaps, and reporting behaviour over the risk window.
    db.execute(sql`
      with led as (
        select l.distributor_id, count(*)::int as rows, sum(l.calculated)::float8 as calculated, coalesce(sum(l.reported), 0)::float8 as reported,
               coalesce(sum(l.gap), 0)::float8 as gap, coalesce(sum(abs(l.gap)), 0)::float8 as abs_gap,
               count(*) filter (where 'excess' = any(l.flags))::int as excess,
               count(*) filter (where 'burning_down' = any(l.flags))::int as burning_down,
               count(*) filter (where 'slowing' = any(l.flags))::int as slowing,
               count(*) filter (where 'new_gap' = any(l.flags))::int as new_gap,
               count(*) filter (where l.reported is null)::int as unreported
          from ledger_balances l where l.period = ${pd}::date ${scoped}
         group by l.distributor_id
      ), rep as (
        select d.id as distributor_id,
               count(*) filter (where s.timeliness = 'late')::int as late,
               count(*) filter (where s.id is null and pr.due_at < now())::int as missing
          from distributors d
          join periods pr on pr.period between ${periodToDate(riskFrom)}::date and ${pd}::date
          left join submissions s on s.distributor_id = d.id and s.period = pr.period
         where d.id in (select distributor_id from led)
         group by d.id
      )
      select d.code, d.name, led.*, coalesce(rep.late, 0) as late, coalesce(rep.missing, 0) as missing,
             (select r.quality_score from submissions s join submission_revisions r on r.id = s.latest_revision_id
               where s.distributor_id = d.id and s.period = ${pd}::date) as quality,
             case when led.calculated > 0 then round((led.abs_gap * 100 / led.calculated)::numeric, 1)::float8 end as abs_gap_pct,
             round((
               4.0 * coalesce(rep.missing, 0) + 1.5 * coalesce(rep.late, 0)
               + 10.0 * (led.excess + led.burning_down + led.slowing) / greatest(led.rows, 1)
               + 10.0 * led.unreported / greatest(led.rows, 1)
               + case when led.calculated > 0 then least(10.0, led.abs_gap * 100 / led.calculated) else 0 end
             )::numeric, 1)::float8 as score
        from led join distributors d on d.id = led.distributor_id left join rep on rep.distributor_id = led.distributor_id
       order by score desc, d.code`),
    db.execute(sql`
      select d.code as distributor, p.sku, p.description, p.family, l.calculated, l.reported, l.gap, l.gap_pct::float8 as gap_pct, l.flags
        from (select * from ledger_balances l where l.period = ${pd}::date and l.gap is not null and l.gap <> 0 ${scoped}
               order by coalesce(abs(l.gap), -1) desc, l.distributor_id, l.product_id limit 10) l
        join distributors d on d.id = l.distributor_id join products p on p.id = l.product_id
       order by abs(l.gap) desc, d.code, p.sku`),
    db.execute(sql`select code, name from distributors where active order by code`),
    db.execute(sql`select distinct family from products order by family`),
    db.execute(sql`select to_char(period, 'YYYY-MM') as period, due_at from periods where period between ${periodToDate(from)}::date and ${pd}::date`),
    getSettings(db),
  ]);
  // A month without its periods row yet has the deadline today's settings give it (as listPeriods says).
  const dueBy = new Map(mapRows(deadlines, (r) => [str(r.period), date(r.due_at)] as const));
  const notYetDue = (p: string) => (dueBy.get(p) ?? dueAt(p, { dueDay: settings.dueDay, timeZone: settings.timeZone })).getTime() > now.getTime();

  const points = mapRows(series, seriesRow(notYetDue));
  const last = points.find((p) => p.period === period);
  const current = last ?? {
    period, sellIn: 0, sellThrough: 0, calculated: 0, reported: null, gap: null, weeksOfSupply: null, rows: 0, reportedRows: 0, notYetDue: notYetDue(period),
    excess: 0, burningDown: 0, slowing: 0, unreported: 0,
  };

  const distributors = mapRows(perDistributor, distributorRow);

  return {
    period,
    from,
    preparing,
    scope: { distributor: distributor ? { code: distributor.code, name: distributor.name } : null, family: q.family ?? null },
    series: points.map(({ excess: _e, burningDown: _b, slowing: _s, unreported: _u, ...p }) => p),
    current,
    distributors,
    atRisk: distributors.filter((d) => d.reasons.length > 0 && d.score >= 3).slice(0, 10),
    topSkus: mapRows(topSkus, topSkuRow),
    options: {
      distributors: mapRows(dOptions, (r) => ({ code: str(r.code), name: str(r.name) })),
      families: mapRows(fOptions, (r) => str(r.family)),
    },
  };
}

const pct = (a: number, b: number) => Math.round((a * 100) / Math.max(b, 1));

/** Why a distributor is at risk, in words a planner can act on (formatting of the SQL aggregates). */
function riskReasons(d: DistributorHealth): string[] {
  const out: string[] = [];
  if (d.missing > 0) out.push(`${d.missing} of the last ${RISK_WINDOW} periods not reported`);
  if (d.late > 0) out.push(`${d.late} of the last ${RISK_WINDOW} periods reported late`);
  if (d.unreported > 0 && d.missing === 0) out.push(`${pct(d.unreported, d.rows)} % of SKUs without reported stock`);
  if (d.absGapPct !== null && d.absGapPct >= 5) out.push(`|gap| is ${d.absGapPct} % of calculated stock`);
  if (d.excess > 0 && pct(d.excess, d.rows) >= 10) out.push(`${pct(d.excess, d.rows)} % of SKUs in excess`);
  if (d.burningDown > 0 && pct(d.burningDown, d.rows) >= 10) out.push(`${pct(d.burningDown, d.rows)} % of SKUs burning down`);
  if (d.slowing > 0 && pct(d.slowing, d.rows) >= 10) out.push(`${pct(d.slowing, d.rows)} % of SKUs slowing`);
  return out;
}
