/**
 * The data behind rebate eligibility, gathered in SQL for a programme (and optionally one
 * distributor): per distributor × due period the FIRST submission time and, from the maintained
 * ledger (so after approved corrections), the SKUs with stock or sell-in vs those the latest
 * revision reports, Σ gap and Σ calculated over reported rows, the sell-through value at list
 * price (numeric, summed exactly) and, for a programme with a quality rule, the latest revision's
 * quality score. Internal to lib/dal/rebates: no viewer check here.
 */
import { and, between, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { periods } from "@/db/schema";
import { addPeriods, dateToPeriod, dueAt as computeDueAt, latestEndedPeriod, periodRange, periodToDate } from "@/lib/domain/periods";
import type { RebateInputs } from "@/lib/domain/rebates";
import { getSettings } from "../settings/get-settings";
import { isoOrNull, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";
import type { RebateProgram } from "./programs";

export interface DistributorInputs {
  distributorId: number;
  code: string;
  name: string;
  inputs: RebateInputs;
}

/** One distributor × due period (period null: a member with nothing due yet). */
interface InputRow {
  id: number;
  code: string;
  name: string;
  period: string | null;
  firstSubmittedAt: string | null;
  required: number;
  submitted: number;
  sumGap: number;
  sumCalc: number;
  value: string | null;
  qualityScore: number | null;
}
const inputRow: RowMapper<InputRow> = (r) => ({
  id: num(r.id), code: str(r.code), name: str(r.name), period: strOrNull(r.period), firstSubmittedAt: isoOrNull(r.first_submitted_at),
  required: num(r.required), submitted: num(r.submitted), sumGap: num(r.sum_gap), sumCalc: num(r.sum_calc), value: strOrNull(r.value),
  qualityScore: numOrNull(r.quality_score),
});

const SCALE = 4;
function addDecimal(a: bigint, text: string | null): bigint {
  if (!text) return a;
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`Not a decimal: ${text}`);
  const v = BigInt(m[2]! + (m[3] ?? "").padEnd(SCALE, "0").slice(0, SCALE));
  return a + (m[1] ? -v : v);
}
function scaledToText(v: bigint): string {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(SCALE + 1, "0");
  return `${neg ? "-" : ""}${s.slice(0, -SCALE)}.${s.slice(-SCALE)}`;
}

const sec = (d: Date) => Math.floor(d.getTime() / 1000);

export async function gatherRebateInputs(
  db: Queryable,
  program: RebateProgram,
  now: Date,
  only?: { distributorId: number },
): Promise<DistributorInputs[]> {
  const s = await getSettings(db);
  const latest = latestEndedPeriod(now, s.timeZone);
  const stored = await db
    .select()
    .from(periods)
    .where(and(between(periods.period, periodToDate(program.fromPeriod), periodToDate(program.toPeriod))));
  const dueOf = new Map(stored.map((r) => [dateToPeriod(r.period), r.dueAt]));
  const due: { period: string; dueAt: string }[] = [];
  const pending: { period: string; dueAt: string }[] = [];
  for (const p of periodRange(program.fromPeriod, program.toPeriod)) {
    const d = dueOf.get(p) ?? computeDueAt(p, { dueDay: s.dueDay, timeZone: s.timeZone });
    // Due once the deadline second has passed (a submission inside it is still on time).
    (p <= latest && sec(now) > sec(d) ? due : pending).push({ period: p, dueAt: d.toISOString() });
  }

  const onlyD: SQL = only ? sql`and d.id = ${only.distributorId}` : sql``;
  const onlyL: SQL = only ? sql`and l.distributor_id = ${only.distributorId}` : sql``;
  const dueDates = due.map((p) => periodToDate(p.period));
  // With nothing due yet, membership is "active in the programme's first period or the one before".
  const membershipFrom = periodToDate(due.length ? due[0]!.period : addPeriods(program.fromPeriod, -1));

  const raw = await rows(
    db,
    sql`
      with pp as (select unnest(string_to_array(${dueDates.join(",")}::text, ',')::date[]) as period),
      facts as (
        select l.distributor_id, l.period,
               count(*) filter (where l.opening > 0 or l.sell_in > 0)::int as required,
               count(*) filter (where (l.opening > 0 or l.sell_in > 0) and x.product_id is not null)::int as submitted,
               coalesce(sum(l.gap) filter (where l.gap is not null), 0)::float8 as sum_gap,
               coalesce(sum(l.calculated) filter (where l.gap is not null), 0)::float8 as sum_calc,
               coalesce(sum(l.sell_through * p.list_price), 0) as value
          from ledger_balances l
          join pp on pp.period = l.period
          join products p on p.id = l.product_id
          left join submissions s on s.distributor_id = l.distributor_id and s.period = l.period
          left join submission_lines x on x.revision_id = s.latest_revision_id and x.product_id = l.product_id
         where true ${onlyL}
         group by l.distributor_id, l.period
      ),
      members as (
        select d.id, d.code, d.name from distributors d
         where d.active ${onlyD}
           and (exists (select 1 from facts f where f.distributor_id = d.id)
                or exists (select 1 from ledger_balances l2 where l2.distributor_id = d.id
                            and l2.period between ${membershipFrom}::date and ${periodToDate(program.toPeriod)}::date))
      )
      select m.id, m.code, m.name, to_char(pp.period, 'YYYY-MM') as period, s.first_submitted_at,
             f.required, f.submitted, f.sum_gap, f.sum_calc, f.value::text as value, r.quality_score
        from members m
        left join pp on true
        left join facts f on f.distributor_id = m.id and f.period = pp.period
        left join submissions s on s.distributor_id = m.id and s.period = pp.period
        left join submission_revisions r on r.id = s.latest_revision_id
       order by m.code, pp.period`,
    inputRow,
  );

  const out = new Map<string, DistributorInputs & { value: bigint }>();
  for (const r of raw) {
    let d = out.get(r.code);
    if (!d) {
      d = {
        distributorId: r.id, code: r.code, name: r.name, value: 0n,
        inputs: { rules: program.rules, periods: [], pendingPeriods: pending, sumGap: 0, sumCalculated: 0, sellThroughValue: "0.0000" },
      };
      out.set(r.code, d);
    }
    if (r.period === null) continue;
    d.inputs.periods.push({
      period: r.period,
      dueAt: due.find((p) => p.period === r.period)!.dueAt,
      firstSubmittedAt: r.firstSubmittedAt,
      required: r.required,
      submitted: r.submitted,
      // Only a programme with a quality rule carries scores (frozen inputs of the others stay as they were).
      ...(program.rules.minQualityScore != null ? { qualityScore: r.qualityScore } : {}),
    });
    d.inputs.sumGap += r.sumGap;
    d.inputs.sumCalculated += r.sumCalc;
    d.value = addDecimal(d.value, r.value);
  }
  return [...out.values()].map(({ value, ...d }) => ({ ...d, inputs: { ...d.inputs, sellThroughValue: scaledToText(value) } }));
}
