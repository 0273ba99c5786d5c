import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ClaimLinesEditor } from "@/components/claims-portal/editor/claim-lines-editor";
import { EMPTY_LINE } from "@/components/claims-portal/editor/line-draft";
import { ClaimUploadPanel } from "@/components/claims-portal/upload/claim-upload-panel";
import { loadAuthorizations } from "../_lib/load";
import { authOptions, CLAIM_FIELD_INFO, claimPeriods } from "../_lib/options";
import { submitClaimLinesAction, uploadClaimFileAction } from "../actions";

export const metadata: Metadata = { title: "New claim" };

/** The time of this request (the default period is the latest that has ended). */
function requestTime(): Date {
  return new Date();
}

/** A new ship & debit claim: typed line by line, or a file in the distributor's own layout. */
export default async function NewClaimPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const via = (await searchParams).via === "file" ? "file" : "screen";
  const authorizations = authOptions(await loadAuthorizations("/my-claims/new"));
  const { periods, latest } = claimPeriods(requestTime());
  const tab = (value: "screen" | "file", label: string) => (
    <Link
      href={value === "file" ? "/my-claims/new?via=file" : "/my-claims/new"}
      aria-current={via === value ? "page" : undefined}
      className={buttonClasses({ size: "sm", variant: via === value ? "primary" : "secondary" })}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href="/my-claims" className="text-indigo-700 underline-offset-2 hover:underline">
              Claims
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">New claim</li>
        </ol>
      </nav>
      <PageHeader
        title="New claim"
        description="Claim book cost minus authorised cost for each unit you sold under an authorisation. Each line is checked against the authorisation, the sale you reported in your POS (same invoice, SKU and end customer) and your earlier claims."
        actions={
          <nav aria-label="How to send the claim" className="flex gap-2">
            {tab("screen", "Type the lines")}
            {tab("file", "Upload a file")}
          </nav>
        }
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
