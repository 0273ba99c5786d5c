import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { TabNav } from "@/components/ui/tab-link";
import { EmptyState } from "@/components/ui/empty-state";
import { ClaimLinesEditor } from "@/components/claims-portal/editor/claim-lines-editor";
import { EMPTY_LINE } from "@/components/claims-portal/editor/line-draft";
import { ClaimUploadPanel } from "@/components/claims-portal/upload/claim-upload-panel";
import { loadAuthorizations } from "../_lib/load";
import { authOptions, CLAIM_FIELD_INFO, claimPeriods } from "../_lib/options";
import { submitClaimLinesAction, uploadClaimFileAction } from "../actions";

export const metadata: Metadata = { title: "New claim" };

const VIA_TABS = [
  { value: "screen", href: "/my-claims/new", label: "Type the lines" },
  { value: "file", href: "/my-claims/new?via=file", label: "Upload a file" },
] as const;

/** The time of this request (the default period is the latest that has ended). */
function requestTime(): Date {
  return new Date();
}

/** A new ship & debit claim: typed line by line, or a file in the distributor's own layout. */
export default async function NewClaimPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const via = (await searchParams).via === "file" ? "file" : "screen";
  const authorizations = authOptions(await loadAuthorizations("/my-claims/new"));
  const { periods, latest } = claimPeriods(requestTime());
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: "/my-claims", label: "Claims" }]} current="New claim" />
      <PageHeader
        title="New claim"
        description="Claim book cost minus authorised cost for each unit you sold under an authorisation. Each line is checked against the authorisation, the sale you reported in your POS (same invoice, SKU and end customer) and your earlier claims."
        actions={<TabNav label="How to send the claim" current={via} tabs={VIA_TABS} />}
      />
      {via === "file" ? (
        <ClaimUploadPanel periods={periods} fields={CLAIM_FIELD_INFO} action={uploadClaimFileAction} />
      ) : authorizations.length === 0 ? (
        <EmptyState title="No authorisations yet" description="No ship & debit authorisation has been issued to you yet. Once one is, you can claim against it here." />
      ) : (
        <ClaimLinesEditor
          authorizations={authorizations}
          periods={periods}
          defaults={{ period: latest, reference: "", lines: [{ ...EMPTY_LINE }] }}
          submitLabel="Send claim"
          action={submitClaimLinesAction}
        />
      )}
    </div>
  );
}
