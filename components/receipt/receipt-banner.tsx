import type { ReactNode } from "react";

/** The success message on top of a receipt: "Submitted — revision 3 of 2026-10". */
export function ReceiptBanner({ period, revision, children }: { period: string; revision: number; children?: ReactNode }) {
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 fill-emerald-600">
        <path
          fillRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z"
          clipRule="evenodd"
        />
      </svg>
      <div className="min-w-0">
        <p className="text-base font-semibold" data-testid="receipt-banner">
          Submitted — revision {revision} of {period}
        </p>
        {children ? <div className="mt-0.5 text-sm text-emerald-900">{children}</div> : null}
      </div>
    </div>
  );
}
