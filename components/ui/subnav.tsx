"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

export interface SubnavSection {
  href: string;
  label: string;
  /** Current only on `href` itself, not on the pages below it. */
  exact?: boolean;
}

/** Tabs between the screens of one area; the current one is marked for assistive technology too. */
export function Subnav({ label, sections }: { label: string; sections: readonly SubnavSection[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={label} className="-mt-2 mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {sections.map((s) => {
          const active = s.exact ? pathname === s.href : pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "-mb-px inline-flex h-10 items-center whitespace-nowrap border-b-2 px-3 text-sm font-medium",
                  active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
