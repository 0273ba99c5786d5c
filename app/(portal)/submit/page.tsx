import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { randomUUID } from "node:crypto";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { DAY_MS } from "@/lib/domain/compliance";
import { addPeriods, isPeriod, latestEndedPeriod } from "@/lib/domain/periods";
import { createFormatter, type Formatter } from "@/lib/format/formatter";
import { getFormatter } from "@/lib/format/request-format";
import { listPeriods } from "@/lib/dal/periods/list-periods";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { getSubmissionView, type SubmissionView } from "@/lib/dal/submissions/get-submission-view";
import { listSubmissionHistory } from "@/lib/dal/submissions/list-submission-history";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodSwitcher, type PeriodOption } from "@/components/submission-grid/period-switcher";
import { RebateStanding, type RebateStandingValue } from "@/components/submission-grid/rebate-standing";
import { getRebateStanding } from "@/lib/dal/rebates/get-rebate-standing";
import { StatusBadge, STATUS_LABELS } from "@/components/submission-grid/status-badge";
import { SubmissionGrid } from "@/components/submission-grid/submission-grid";
import { SubmitSkeleton } from "@/components/submission-grid/submit-skeleton";
import type { GridInput } from "@/components/submission-grid/types";
import type { Viewer } from "@/lib/auth/viewer";
import { discardDraftAction, saveDraftAction, searchCatalogueAction, submitReportAction } from "./actions";
import { mapUnknownPartsAction, searchSkusAction } from "./upload-actions";

export const metadata: Metadata = { title: "Submit" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The time of this request (deadlines are shown relative to it). */
function requestTime(): number {
  return Date.now();
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The distributor's single screen: the open period (the latest ended period that is not closed),
 * or an earlier one with `?period=YYYY-MM`; a spreadsheet-like grid prefilled with last period's
 * numbers; drafts saved as they type; submit → receipt.
 *
 * The cheap checks (another distributor's code, a malformed or future period) run here, before
 * anything is streamed, so such a URL answers a real 404; the rows load behind a Suspense boundary
 * with the screen's skeleton.
 */
export default async function SubmitPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer("/submit");
  const sp = await searchParams;
  const periodParam = one(sp.period);
  const distributorCode = one(sp.distributor);
  const [periods, history, settings] = await withViewerDb(viewer, (db) =>
    Promise.all([listPeriods(db, viewer), listSubmissionHistory(db, viewer), getSettings(db)]),
  );
  // Another distributor's code, a malformed or future period: 404, never a look at someone else.
  if (viewer.role === "distributor" && distributorCode !== undefined && distributorCode.toUpperCase() !== viewer.distributorCode?.toUpperCase()) notFound();
  if (periodParam !== undefined && (!isPeriod(periodParam) || periodParam > latestEndedPeriod(new Date(requestTime()), settings.timeZone))) notFound();

  const reportable = periods.filter((p) => p.state !== "future");
  // Never ask for a period already submitted: the newest open period without a revision since the
  // distributor first reported (periods before it had nothing to report), else the newest open one.
  const submitted = new Set(history.filter((h) => h.revisions > 0).map((h) => h.period));
  const firstReported = [...submitted].sort()[0];
  const open = reportable.filter((p) => p.state === "open");
  const unsubmitted = open.find((p) => !submitted.has(p.period) && (firstReported === undefined || p.period > firstReported));
  const period = periodParam ?? (unsubmitted ?? open[0] ?? reportable[0])?.period;
  if (!period) {
    return (
      <>
        <PageHeader title="Monthly report" />
        <EmptyState title="No period to report yet" description="The first reporting period opens when its month has ended." />
      </>
    );
  }
  return (
    <Suspense fallback={<SubmitSkeleton />}>
      <SubmitScreen viewer={viewer} period={period} periodParamGiven={periodParam !== undefined} distributorCode={distributorCode} bench={one(sp.bench) === "1"} focusSku={one(sp.sku)} periods={reportable} history={history} timeZone={settings.timeZone} />
    </Suspense>
  );
}

type PeriodRow = Awaited<ReturnType<typeof listPeriods>>[number];
type HistoryRow = Awaited<ReturnType<typeof listSubmissionHistory>>[number];

async function SubmitScreen({
  viewer,
  period,
  periodParamGiven,
  distributorCode,
  bench,
  focusSku,
  periods: reportable,
  history,
  timeZone,
}: {
  viewer: Viewer;
  period: string;
  /** `?sku=`: the grid opens with this SKU's On hand cell focused ("fix in the grid" from an exception). */
  focusSku?: string;
  /** The period came from the URL (a deliberate visit), not the default landing. */
  periodParamGiven: boolean;
  distributorCode: string | undefined;
  bench: boolean;
  periods: PeriodRow[];
  history: HistoryRow[];
  timeZone: string;
}) {
  let view: SubmissionView;
  try {
    // What the cheap checks above cannot know (an unknown code for staff…): the not-found page.
    view = await withViewerDb(viewer, (db) => getSubmissionView(db, viewer, { period, distributorCode }));
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "validation_failed" || e.code === "forbidden")) notFound();
    throw e;
  }

  const f = await getFormatter();
  const label = f.period(view.period);
  // The due day is the manufacturer's calendar day (its time zone), written in the user's locale.
  const dueDay = createFormatter({ locale: f.locale, timeZone });
  const due = new Date(view.dueAt);
  const now = requestTime();

  const statusByPeriod = new Map(history.map((h) => [h.period, h]));
  const options: PeriodOption[] = reportable
    .filter((p) => statusByPeriod.has(p.period) || p.period === view.period)
    .map((p) => {
      const h = statusByPeriod.get(p.period);
      const status = p.period === view.period ? view.status : h?.status;
      return {
        period: p.period,
        label: [f.period(p.period), status ? STATUS_LABELS[status] : null, p.state === "closed" ? "closed" : null].filter(Boolean).join(" · "),
      };
    });

  const forecastPeriods = [1, 2, 3].map((n) => addPeriods(view.period, n)) as [string, string, string];
  const input: GridInput = {
    period: view.period,
    periodLabel: label,
    distributorCode: view.distributor.code,
    revision: view.revision,
    closed: view.closed,
    differenceTolerance: view.differenceTolerance,
    focusSku,
    lines: view.lines.map((l) => ({
      sku: l.sku,
      description: l.description,
      family: l.family,
      opening: l.opening,
      received: l.received,
      sold: l.sold,
      returned: l.returned,
      onHand: l.onHand,
      note: l.note ?? "",
      lastSold: l.last?.sold ?? null,
      lastOnHand: l.last?.onHand ?? null,
      required: l.required,
    })),
    draft: view.draft
      ? {
          version: view.draft.version,
          baseRevision: view.draft.baseRevision,
          cells: view.draft.cells,
          updatedAt: view.draft.updatedAt,
          updatedByName: view.draft.updatedBy?.name ?? null,
        }
      : null,
    idempotencyKey: randomUUID(),
    forecastPeriods,
    forecastLabels: forecastPeriods.map((p) => f.period(p)) as [string, string, string],
    bench,
  };

  const standingLine = await withViewerDb(viewer, (db) => getRebateStanding(db, viewer, new Date(now), f));
  const standing: RebateStandingValue | null = standingLine
    ? { headline: standingLine, tone: /not eligible/.test(standingLine) ? "bad" : /no activity/.test(standingLine) ? "warning" : "good" }
    : null;

  return (
    <div className="space-y-4">
      <PageHeader
        className="mb-2"
        title={`${label} report`}
        description={`${view.distributor.name} (${view.distributor.code}) · units sold, returned and on hand per SKU for ${label}`}
        actions={options.length > 1 ? <PeriodSwitcher current={view.period} options={options} /> : null}
      >
        <StatusBadge status={view.status} />
        <DueLine view={view} due={due} now={now} dueDay={dueDay} />
        {view.revision ? (
          <span className="text-xs text-slate-600">
            · Revision {view.revision} by {view.latestSubmittedBy} on {f.dateTime(view.latestSubmittedAt!, { zone: true })} ·{" "}
            <Link href={`/history/${view.period}/${view.revision}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
              receipt
            </Link>
          </span>
        ) : null}
        {view.quality ? (
          <span className="text-xs text-slate-600" data-testid="header-quality" title={`Completeness ${view.quality.parts.completeness}, plausibility ${view.quality.parts.plausibility}, agreement ${view.quality.parts.agreement}, freshness ${view.quality.parts.freshness}`}>
            · Quality <strong className="text-slate-900">{view.quality.score}</strong>/100
          </span>
        ) : null}
        {view.status === "incomplete" ? (
          <span className="text-xs text-amber-800">· {plural(view.missingSkus, "stocked SKU")} left out of the latest revision</span>
        ) : null}
      </PageHeader>
      <RebateStanding standing={standing} />

      {view.revision && !view.closed && !periodParamGiven ? (
        <p role="note" data-testid="all-submitted" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-950">
          {label} is submitted and nothing else is due. Change a number below only to correct it (that stores revision {view.revision + 1}).
        </p>
      ) : null}

      {view.closed ? (
        <div role="note" className="rounded-lg border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-800">
          <p className="font-semibold">{label} is closed and takes no more submissions.</p>
          <p className="mt-0.5">
            The numbers below are what was reported. If one is wrong, ask your channel manager to approve an adjustment.
          </p>
        </div>
      ) : null}

      <SubmissionGrid
        input={input}
        actions={{
          saveDraft: saveDraftAction, discardDraft: discardDraftAction, submit: submitReportAction, searchCatalogue: searchCatalogueAction,
          mapUnknownParts: mapUnknownPartsAction, searchSkus: searchSkusAction,
        }}
      />
    </div>
  );
}

function DueLine({ view, due, now, dueDay }: { view: SubmissionView; due: Date; now: number; dueDay: Formatter }) {
  const dueText = `due ${dueDay.weekdayDate(due)}`;
  if (view.revision) {
    const when =
      view.timeliness === "late" ? (
        <span className="font-medium text-amber-800">first submitted {plural(view.daysLate ?? 0, "day")} late</span>
      ) : (
        <span>first submitted on time</span>
      );
    return (
      <span className="text-xs text-slate-600">
        {dueText.charAt(0).toUpperCase() + dueText.slice(1)} · {when}
      </span>
    );
  }
  const ms = due.getTime() - now;
  let rest: React.ReactNode;
  if (ms >= 0) {
    const days = Math.floor(ms / DAY_MS);
    rest = days === 0 ? <span className="font-medium text-amber-800">due today</span> : <span className="font-medium text-slate-800">{plural(days, "day")} left</span>;
  } else {
    rest = <span className="font-medium text-red-700">{plural(Math.ceil(-ms / DAY_MS), "day")} late</span>;
  }
  return (
    <span className="text-xs text-slate-600">
      {dueText.charAt(0).toUpperCase() + dueText.slice(1)} · {rest}
    </span>
  );
}
