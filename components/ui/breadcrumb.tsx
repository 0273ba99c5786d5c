import { Fragment, type ReactNode } from "react";
import Link from "next/link";

/** The way back to the page: links to the pages above it, then the page itself. */
export function Breadcrumb({ trail, current }: { trail: { href: string; label: ReactNode }[]; current: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-1.5">
        {trail.map((step) => (
          <Fragment key={step.href}>
            <li>
              <Link href={step.href} className="text-indigo-700 underline-offset-2 hover:underline">
                {step.label}
              </Link>
            </li>
            <li aria-hidden="true">/</li>
          </Fragment>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
