import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listAuthorizations } from "@/lib/dal/claims/authorizations";
import { REBATE_TEAM } from "@/lib/dal/claims/overrides";
import { getClaim, type ClaimDetail } from "@/lib/dal/claims/read-claims";
import type { ReasonFormat } from "@/lib/domain/claims/reasons";
import { AppError } from "@/lib/errors";
import { getFormatter } from "@/lib/format/request-format";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { Pager } from "@/components/admin/pager";
import { ClaimsSubnav } from "@/components/claims/claims-subnav";
import { ClaimLines } from "@/components/claims/claim-lines";
import { ClaimStats } from "@/components/claims/claim-stats";
import { claimCurrencies, currencyOfDistributor } from "@/components/claims/currency-of";
import { LINE_VIEWS, LineFilter, type LineView } from "@/components/claims/line-filter";
import { RevisionHistory } from "@/components/claims/revision-history";
import { decideOverrideAction, proposeOverrideAction, withdrawOverrideAction } from "./actions";

export const metadata: Metadata = { title: "Claim · Claims" };

const PAGE_SIZE = 100;

export default async function ClaimPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/claims/${id}`);
  const f = await getFormatter();
  const sp = await searchParams;
  const str = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const revision = /^[1-9]\d{0,8}$/.test(str("revision")) ? Number(str("revision")) : null;
  const page = /^[1-9]\d{0,6}$/.test(str("page")) ? Number(str("page")) : 1;
  const asked = (LINE_VIEWS as readonly string[]).includes(str("lines")) ? (str("lines") as LineView) : null;
  // The sentences in the reader's numbers and dates; costs keep up to 4 decimals.
  const fmt: ReasonFormat = { qty: (n) => f.int(n), money: (n) => f.number(n, { digits: 2, maxDigits: 4 }), date: (d) => f.date(d) };

  let claim: ClaimDetail;
  let view: LineView;
  let auths: Awaited<ReturnType<typeof listAuthorizations>>;
  try {
    ({ claim, view, auths } = await withViewerDb(viewer, async (db) => {
      const read = (v: LineView) => getClaim(db, viewer, id, { revision, outcome: v === "all" ? null : v, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, fmt);
      // Open lines first; a claim with none opens on all of them.
      let view: LineView = asked ?? "open";
      let claim = await read(view);
      if (!asked && claim.lineTotal === 0) claim = await read((view = "all"));
      return { claim, view, auths: await listAuthorizations(db, viewer, { distributorCode: claim.distributor.code }) };
    }));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }

  const latest = claim.revisions[0]?.revision ?? claim.revision;
  const isLatest = claim.revision === latest;
  const currencies = claimCurrencies(auths);
  const currency = currencyOfDistributor(currencies, claim.distributor.code);
  const canOverride = isLatest && (REBATE_TEAM as readonly string[]).includes(viewer.role);
  const t = claim.totals;
  const counts: Record<LineView, number> = {
    open: t.adjusted.lines + t.rejected.lines, all: t.lines, approved: t.approved.lines, adjusted: t.adjusted.lines, rejected: t.rejected.lines,
  };
  const href = (o: { lines?: LineView; page?: number }) => {
    const q = new URLSearchParams();
    if (!isLatest) q.set("revision", String(claim.revision));
    q.set("lines", o.lines ?? view);
    if ((o.page ?? 1) > 1) q.set("page", String(o.page));
    return `/claims/${claim.id}?${q}`;
  };
  const pages = Math.max(1, Math.ceil(claim.lineTotal / PAGE_SIZE));
  // A page past the end (the list got shorter since the link was made): its last page.
  if (page > pages) redirect(href({ page: pages }));
  const download = (format: "x12" | "csv") => `/claims/${claim.id}/response?format=${format}${isLatest ? "" : `&revision=${claim.revision}`}`;
  const title = `${claim.distributor.code} · ${f.period(claim.period)}${claim.reference ? ` · ${claim.reference}` : ""}`;

  return (
    <div className="space-y-4">
      <ClaimsSubnav />
      <BackLink href="/claims" label="Claims" />
      <PageHeader
        title={title}
        description={`Ship & debit claim of ${claim.distributor.name} for ${f.period(claim.period)}: revision ${claim.revision} of ${latest}, submitted ${f.dateTime(claim.submittedAt)}${claim.fileName ? ` as ${claim.fileName}` : ""}.`}
        actions={
          <>
            <a href={download("x12")} className={buttonClasses({ variant: "secondary", size: "sm" })} data-testid="download-849" download>
              849 answer
            </a>
            <a href={download("csv")} className={buttonClasses({ variant: "secondary", size: "sm" })} data-testid="download-csv" download>
              CSV for payables
            </a>
          </>
        }
      >
        {claim.status === "awaiting_approval" ? (
          <Badge tone="amber" dot>
            Awaiting approval · {claim.pendingOverrides}
          </Badge>
        ) : (
          <Badge tone="neutral">Validated</Badge>
        )}
        {isLatest ? <Badge tone="blue">Latest revision</Badge> : <Badge tone="amber">Earlier revision {claim.revision}</Badge>}
        {currency === null ? <span className="text-xs text-slate-600">Authorisations in several currencies: totals are plain amounts</span> : null}
      </PageHeader>

      {!isLatest ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950" role="note">
          You are reading revision {claim.revision} as it was validated. Revision {latest} replaced it; overrides act on the latest revision.{" "}
          <Link href={`/claims/${claim.id}`} className="font-medium text-indigo-700 hover:underline">
            Open revision {latest}
          </Link>
        </p>
      ) : null}

      <ClaimStats totals={t} currency={currency} />

      <section aria-labelledby="lines-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="lines-heading" className="text-sm font-semibold text-slate-900">
            Lines
          </h2>
          <LineFilter current={view} counts={counts} href={(v) => href({ lines: v })} />
        </div>
        <ClaimLines
          claimId={claim.id}
          lines={claim.lines}
          currencies={currencies.byNumber}
          claimCurrency={currency}
          canOverride={canOverride}
          viewerEmail={viewer.email}
          actions={{ propose: proposeOverrideAction, decide: decideOverrideAction, withdraw: withdrawOverrideAction }}
          empty={
            <EmptyState
              title={view === "open" ? "Every line is approved as claimed" : "No line with this outcome"}
              action={
                <Link href={href({ lines: "all" })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  Show all lines
                </Link>
              }
            />
          }
        />
        {pages > 1 ? (
          <Pager
            label="Claim line pages"
            prevHref={page > 1 ? href({ page: page - 1 }) : null}
            nextHref={page < pages ? href({ page: page + 1 }) : null}
            summary={`Page ${f.int(page)} of ${f.int(pages)} · ${f.int(claim.lineTotal)} lines`}
          />
        ) : null}
      </section>

      <Card>
        <CardHeader title="Revisions" description="Each resubmission is a new revision, validated as it came; earlier ones stay readable." />
        <div className="p-4">
          <RevisionHistory claimId={claim.id} revisions={claim.revisions} shown={claim.revision} latest={latest} currency={currency} />
        </div>
      </Card>
    </div>
  );
}
