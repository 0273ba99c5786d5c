import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { ClaimTotalsCard } from "@/components/claims-portal/claim-totals";
import { ClaimLinesTable } from "@/components/claims-portal/claim-lines-table";
import { RevisionHistory } from "@/components/claims-portal/revision-history";
import { SubmittedBanner } from "@/components/claims-portal/submitted-banner";
import { sourceText } from "@/components/claims-portal/claim-source";
import { LocalTime } from "@/components/history/local-time";
import { loadClaim, revisionOf } from "../_lib/load";

type Params = { id: string };
type Search = Record<string, string | string[] | undefined>;

export const metadata: Metadata = { title: "Claim" };

/** One claim: each line's outcome with its reason, the totals, the revisions, the 849 / CSV answer, and resubmitting corrected lines. */
export default async function ClaimPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const sp = await searchParams;
  const claim = await loadClaim(id, revisionOf(sp.revision));
  const f = await getFormatter();
  const latest = claim.revisions[0]?.revision ?? claim.revision;
  const isLatest = claim.revision === latest;
  const submitted = revisionOf(sp.submitted);
  const open = claim.lines.filter((l) => l.outcome !== "approved").length;
  const title = claim.reference ? `Claim ${claim.reference}` : `Claim for ${f.period(claim.period)}`;
  const response = (format: "x12" | "csv") => `/my-claims/${claim.id}/response?format=${format}${isLatest ? "" : `&revision=${claim.revision}`}`;

  return (
    <div className="space-y-6">
      <Breadcrumb trail={[{ href: "/my-claims", label: "Claims" }]} current={claim.reference ?? f.period(claim.period)} />

      {submitted !== null && submitted === claim.revision && isLatest ? <SubmittedBanner revision={claim.revision} totals={claim.totals} /> : null}

      <PageHeader
        title={title}
        description={
          <>
            {f.period(claim.period)} · revision {claim.revision} of {latest} · submitted <LocalTime iso={claim.submittedAt} /> ·{" "}
            {sourceText(claim.source, claim.fileName)}
          </>
        }
        actions={
          <>
            <a href={response("x12")} download className={buttonClasses({ variant: "secondary" })} data-testid="download-849">
              849 answer
            </a>
            <a href={response("csv")} download className={buttonClasses({ variant: "secondary" })} data-testid="download-csv">
              CSV
            </a>
            {isLatest && open > 0 ? (
              <Link href={`/my-claims/${claim.id}/resubmit`} className={buttonClasses()} data-testid="resubmit">
                Resubmit corrected lines
              </Link>
            ) : null}
          </>
        }
      />

      {!isLatest ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="older-revision">
          This is revision {claim.revision}, as it was judged then. The latest is{" "}
          <Link href={`/my-claims/${claim.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
            revision {latest}
          </Link>
          .
        </p>
      ) : null}

      <ClaimTotalsCard totals={claim.totals} />
      <ClaimLinesTable lines={claim.lines} caption={`Lines of revision ${claim.revision}`} />
      <RevisionHistory claimId={claim.id} revisions={claim.revisions} shown={claim.revision} latest={latest} />
    </div>
  );
}
