/**
 * `getSubmissionView(db, viewer, { period, distributorCode? }, now?)` → `SubmissionView`
 *
 * Everything the distributor's screen and `GET /api/v1/submissions/{period}` show for one period:
 * one line per SKU the distributor carries — sell-in, stock or POS in the 12 months up to the period
 * (maintained ledger, movements, submitted lines), plus any SKU in the latest revision or the draft.
 *
 * - Submitted: sold / returned / onHand / note are the latest revision's.
 * - Not submitted (the prefill): sold = last period's sold (latest revision of t−1), returned = 0,
 *   onHand = last period's REPORTED on-hand (never the calculated value; 0 when none).
 * - opening (= calculated of t−1, plus any opening balance booked in t) and received (= sell-in of t)
 *   come from the maintained ledger; 0 when it has no row. expected = opening + received − sold − returned.
 * - status is `periodStatus` (pending / on_time / late / missing / incomplete).
 *
 * Access: a distributor viewer sees only its own distributor (another code → 404); staff read with
 * `distributorCode` (they never see the draft). Invalid period → 400; a period that has not ended,
 * or one older than anything tracked → 404.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { products, submissionRevisions, submissions, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { addPeriods, formatPeriodLabel, periodEnd, periodToDate } from "@/lib/domain/periods";
import { periodStatus, type ComplianceStatus } from "@/lib/domain/compliance";
import { resolveDistributor } from "../authorize";
import { json, num, numOrNull, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";
import { readDraftRow, toDraftView, type DraftView } from "../drafts/draft-store";
import { loadPeriodInfo, parsePeriodParam } from "./period-info";
import type { Quality, QualityParts } from "@/lib/domain/quality";
import type { CheckKind } from "@/lib/domain/submission-checks";
import type { SubmissionStanding } from "./list-submission-history";

/** SKUs with activity in this many months up to the period are listed. */
export const CARRIED_MONTHS = 12;

/** A SKU's (or the period's summed) quantities: expected = opening + received − sold − returned, against onHand. */
export interface PeriodQuantities {
  opening: number;
  received: number;
  sold: number;
  returned: number;
  onHand: number;
  expected: number;
}

export interface SubmissionViewLine extends PeriodQuantities {
  sku: string;
  description: string;
  family: string;
  /** The latest revision's note; null in the prefill. */
  note: string | null;
  /** Approved corrections booked in the period (not part of `expected`). */
  adjustments: number;
  /** What the latest revision of the previous period said, or null. */
  last: { sold: number; returned: number; onHand: number } | null;
  /** Whether the latest revision of this period has the SKU. */
  inRevision: boolean;
  /** Stock or sell-in in the period: leaving it out makes the submission incomplete. */
  required: boolean;
  /** The submission check's flags stored with the latest revision's line ([] in the prefill). */
  flags: { kind: CheckKind; message: string }[];
  /** The distributor's "confirm as reported" on that line, or null. */
  confirm: { reason: string; note: string | null } | null;
}

export interface SubmissionView extends SubmissionStanding {
  period: string;
  dueAt: string;
  status: ComplianceStatus;
  /** The latest revision's number, or null when nothing was submitted. */
  revision: number | null;
  lines: SubmissionViewLine[];
  distributor: { code: string; name: string };
  state: "open" | "closed";
  closed: boolean;
  previousPeriod: string;
  submissionId: string | null;
  /** The latest revision's data-quality score, or null (nothing submitted, or stored before scores existed). */
  quality: Quality | null;
  graceDays: number;
  differenceTolerance: number;
  totals: PeriodQuantities;
  /** The shared working copy (distributor viewers only; null for staff or when there is none). */
  draft: DraftView | null;
}

type Row = {
  sku: string; description: string; family: string;
  lt_opening: number | null; lt_sell_in: number; lt_adjustments: number; prev_calculated: number;
  c_sold: number | null; c_returned: number; c_on_hand: number; c_note: string | null;
  c_flags: { kind: CheckKind; message: string }[] | null; c_confirm_reason: string | null; c_confirm_note: string | null;
  p_sold: number | null; p_returned: number; p_on_hand: number;
};

/** Null is kept where it tells something (no ledger row of the period, SKU not in a revision); elsewhere it reads as 0. */
const viewRow: RowMapper<Row> = (r) => ({
  sku: str(r.sku), description: str(r.description), family: str(r.family),
  lt_opening: numOrNull(r.lt_opening), lt_sell_in: num(r.lt_sell_in), lt_adjustments: num(r.lt_adjustments), prev_calculated: num(r.prev_calculated),
  c_sold: numOrNull(r.c_sold), c_returned: num(r.c_returned), c_on_hand: num(r.c_on_hand), c_note: strOrNull(r.c_note),
  c_flags: json<Row["c_flags"]>(r.c_flags), c_confirm_reason: strOrNull(r.c_confirm_reason), c_confirm_note: strOrNull(r.c_confirm_note),
  p_sold: numOrNull(r.p_sold), p_returned: num(r.p_returned), p_on_hand: num(r.p_on_hand),
});

export async function getSubmissionView(
  db: Queryable,
  viewer: Viewer,
  input: { period: string; distributorCode?: string | null },
  now: Date = new Date(),
): Promise<SubmissionView> {
  const period = parsePeriodParam(input.period);
  const d = await resolveDistributor(db, viewer, input.distributorCode);
  const info = await loadPeriodInfo(db, period, now);
  if (info.state === "future") {
    const opens = periodEnd(period, info.settings.timeZone).toISOString().slice(0, 10);
    throw notFound(`Period ${period} has not ended yet; ${formatPeriodLabel(period)} can be reported from ${opens}`);
  }
  const t = info.periodDate;
  const prev = periodToDate(addPeriods(period, -1));
  const since = periodToDate(addPeriods(period, -(CARRIED_MONTHS - 1)));

  const [sub] = await db
    .select({
      id: submissions.id,
      firstSubmittedAt: submissions.firstSubmittedAt,
      timeliness: submissions.timeliness,
      daysLate: submissions.daysLate,
      latestRevision: submissions.latestRevision,
      missingSkus: submissions.missingSkus,
      qualityScore: submissionRevisions.qualityScore,
      qualityParts: submissionRevisions.qualityParts,
      submittedAt: submissionRevisions.submittedAt,
      byName: users.name,
      byEmail: users.email,
    })
    .from(submissions)
    .innerJoin(submissionRevisions, eq(submissionRevisions.id, submissions.latestRevisionId))
    .innerJoin(users, eq(users.id, submissionRevisions.submittedBy))
    .where(and(eq(submissions.distributorId, d.id), eq(submissions.period, t)))
    .limit(1);

  const draftRow = viewer.role === "distributor" ? await readDraftRow(db, d.id, t) : null;
  const draft = draftRow ? toDraftView(draftRow) : null;
  const draftSkus = draft ? Object.keys(draft.cells) : [];
  const draftIds = draftSkus.length
    ? (await db.select({ id: products.id }).from(products).where(inArray(products.sku, draftSkus))).map((p) => p.id)
    : [];

  const viewRows = await rows(
    db,
    sql`
with cur as (
  select latest_revision_id as rid from submissions where distributor_id = ${d.id} and period = ${t}::date
), prv as (
  select latest_revision_id as rid from submissions where distributor_id = ${d.id} and period = ${prev}::date
), carried as (
  select product_id from ledger_balances
   where distributor_id = ${d.id} and period between ${since}::date and ${t}::date
     and (sell_in <> 0 or sell_through <> 0 or returns <> 0 or adjustments <> 0 or opening <> 0 or calculated <> 0 or coalesce(reported, 0) <> 0)
  union
  select product_id from movements where distributor_id = ${d.id} and period between ${since}::date and ${t}::date
  union
  select l.product_id from submissions s join submission_lines l on l.revision_id = s.latest_revision_id
   where s.distributor_id = ${d.id} and s.period between ${since}::date and ${t}::date
  union
  select unnest(${sql.param(draftIds)}::int[])
)
select p.sku, p.description, p.family,
       case when lb.period = ${t}::date then lb.opening end as lt_opening,
       case when lb.period = ${t}::date then lb.sell_in end as lt_sell_in,
       case when lb.period = ${t}::date then lb.adjustments end as lt_adjustments,
       case when lb.period < ${t}::date then lb.calculated end as prev_calculated,
       cl.sold as c_sold, cl.returned as c_returned, cl.on_hand as c_on_hand, cl.note as c_note,
       cl.flags as c_flags, cl.confirm_reason as c_confirm_reason, cl.confirm_note as c_confirm_note,
       pl.sold as p_sold, pl.returned as p_returned, pl.on_hand as p_on_hand
  from carried c
  join products p on p.id = c.product_id
  -- The latest ledger row up to the period (one PK probe): the period's own row, else the balance carried into it.
  left join lateral (
    select b.period, b.opening, b.sell_in, b.adjustments, b.calculated from ledger_balances b
     where b.distributor_id = ${d.id} and b.product_id = c.product_id and b.period <= ${t}::date
     order by b.period desc limit 1) lb on true
  left join submission_lines cl on cl.revision_id = (select rid from cur) and cl.product_id = c.product_id
  left join submission_lines pl on pl.revision_id = (select rid from prv) and pl.product_id = c.product_id
 order by p.sku`,
    viewRow,
  );

  const submitted = Boolean(sub);
  const totals = { opening: 0, received: 0, sold: 0, returned: 0, onHand: 0, expected: 0 };
  const lines: SubmissionViewLine[] = viewRows.map((r) => {
    const opening = r.lt_opening ?? r.prev_calculated;
    const received = r.lt_sell_in;
    const inRevision = r.c_sold !== null;
    const last = r.p_sold !== null ? { sold: r.p_sold, returned: r.p_returned, onHand: r.p_on_hand } : null;
    // Submitted: the revision's values (0 for a SKU it left out). Otherwise the prefill.
    const sold = submitted ? (r.c_sold ?? 0) : (last?.sold ?? 0);
    const returned = submitted ? r.c_returned : 0;
    const onHand = submitted ? r.c_on_hand : (last?.onHand ?? 0);
    const expected = opening + received - sold - returned;
    totals.opening += opening;
    totals.received += received;
    totals.sold += sold;
    totals.returned += returned;
    totals.onHand += onHand;
    totals.expected += expected;
    return {
      sku: r.sku, description: r.description, family: r.family,
      opening, received, sold, returned, onHand, expected,
      note: inRevision ? r.c_note : null,
      adjustments: r.lt_adjustments,
      last,
      inRevision,
      required: opening > 0 || received > 0,
      flags: inRevision && Array.isArray(r.c_flags) ? r.c_flags : [],
      confirm: inRevision && r.c_confirm_reason ? { reason: r.c_confirm_reason, note: r.c_confirm_note } : null,
    };
  });

  const firstSubmittedAt = sub?.firstSubmittedAt ?? null;
  return {
    period,
    dueAt: info.dueAt.toISOString(),
    status: periodStatus({
      now,
      dueAt: info.dueAt,
      firstSubmittedAt,
      missingSkus: sub?.missingSkus ?? 0,
      graceDays: info.settings.graceDays,
    }),
    revision: sub?.latestRevision ?? null,
    lines,
    distributor: { code: d.code, name: d.name },
    state: info.closed ? "closed" : "open",
    closed: info.closed,
    previousPeriod: addPeriods(period, -1),
    submissionId: sub?.id ?? null,
    firstSubmittedAt: firstSubmittedAt?.toISOString() ?? null,
    latestSubmittedAt: sub?.submittedAt.toISOString() ?? null,
    latestSubmittedBy: sub ? sub.byName || sub.byEmail : null,
    timeliness: sub?.timeliness ?? null,
    daysLate: sub ? sub.daysLate : null,
    missingSkus: sub?.missingSkus ?? 0,
    quality: sub && sub.qualityScore !== null ? { score: sub.qualityScore, parts: sub.qualityParts as QualityParts } : null,
    graceDays: info.settings.graceDays,
    differenceTolerance: info.settings.differenceTolerance,
    totals,
    draft,
  };
}
