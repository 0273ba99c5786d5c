import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export interface PagerProps {
  /** Link to the previous/newer page, or null on the first. */
  prevHref: string | null;
  nextHref: string | null;
  /** e.g. "Page 2 of 9 · 431 products" */
  summary: string;
  label: string;
}

export function Pager({ prevHref, nextHref, summary, label }: PagerProps) {
  const disabled = "pointer-events-none opacity-50";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600 tabular-nums">{summary}</p>
      <div className="flex gap-2">
        {prevHref ? (
          <Link href={prevHref} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClasses({ variant: "secondary", size: "sm", className: disabled })}>
            ← Previous
          </span>
        )}
        {nextHref ? (
          <Link href={nextHref} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
            Next →
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClasses({ variant: "secondary", size: "sm", className: disabled })}>
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
