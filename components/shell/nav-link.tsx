"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { clsx } from "clsx";

/** True when `pathname` is `href` or below it (/admin covers /admin/users), or one of the `also` sections. */
export function isActive(pathname: string | null, href: string, also: readonly string[] = []) {
  if (!pathname) return false;
  return [href, ...also].some((h) => pathname === h || pathname.startsWith(`${h}/`));
}

export function NavLink({ href, also, children }: { href: string; also?: readonly string[]; children: ReactNode }) {
  const active = isActive(usePathname(), href, also);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={clsx(
        "relative inline-flex h-full items-center whitespace-nowrap px-1 text-sm font-medium transition-colors",
        "after:absolute after:inset-x-0 after:bottom-0 after:h-0.5 after:rounded-full",
        "rounded-sm focus-visible:-outline-offset-2",
        active ? "text-indigo-700 after:bg-indigo-600" : "text-slate-600 hover:text-slate-900 hover:after:bg-slate-300",
      )}
    >
      {children}
    </Link>
  );
}
