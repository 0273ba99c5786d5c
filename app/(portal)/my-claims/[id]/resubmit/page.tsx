import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter } from "@/lib/format/request-format";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ClaimLinesEditor } from "@/components/claims-portal/editor/claim-lines-editor";
import { CarriedLines } from "@/components/claims-portal/carried-lines";
import { correctionDrafts } from "@/components/claims-portal/editor/correction-drafts";
import { loadAuthorizations, loadClaim } from "../../_lib/load";
import { authOptions } from "../../_lib/options";
import { submitClaimLinesAction } from "../../actions";

export const metadata: Metadata = { title: "Resubmit claim" };

/**
 * Corrected lines as a new revision of the same claim: the rejected and adjusted lines editable,
 * prefilled with what was sent; the approved ones carried as they were. The claim's history is kept.
 */
export default async function ResubmitClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const claim = await loadClaim(id, null);
  const f = await getFormatter();
  const open = claim.lines.filter((l) => l.outcome !== "approved");
  if (open.length === 0) redirect(`/my-claims/${claim.id}`);
  const approved = claim.lines.filter((l) => l.outcome === "approved");
  const authorizations = authOptions(await loadAuthorizations(`/my-claims/${claim.id}/resubmit`));
  const { drafts, carried } = correctionDrafts(open, approved, f.locale);
  const name = claim.reference ?? f.period(claim.period);
  return (
    <div className="space-y-4">
      <Breadcrumb
        trail={[
          { href: "/my-claims", label: "Claims" },
          { href: `/my-claims/${claim.id}`, label: name },
        ]}
        current="Resubmit"
      />
      <PageHeader
        title={`Resubmit corrected lines — ${name}`}
        description={`${f.period(claim.period)}. The ${open.length === 1 ? "line" : `${open.length} lines`} not approved in revision ${claim.revision} ${open.length === 1 ? "is" : "are"} below as you sent ${open.length === 1 ? "it" : "them"}: correct what the reason names, remove a line you no longer claim, or add one. Sending makes revision ${claim.revision + 1}; revision ${claim.revision} stays in the history.`}
      />
      {carried.length ? <CarriedLines lines={approved} /> : null}
      <ClaimLinesEditor
        authorizations={authorizations}
        defaults={{ period: claim.period, reference: claim.reference ?? "", lines: drafts }}
        claimId={claim.id}
        carried={carried}
        notes={Object.fromEntries(open.map((l) => [l.line, { revision: claim.revision, outcome: l.outcome, reasonCode: l.reasonCode, message: l.message }]))}
        submitLabel={`Send revision ${claim.revision + 1}`}
        action={submitClaimLinesAction}
      />
    </div>
  );
}
