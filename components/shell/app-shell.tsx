import type { ReactNode } from "react";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { landingPath } from "@/lib/auth/current-viewer";
import { signOutAction } from "@/lib/auth/sign-out-action";
import { Wordmark } from "./wordmark";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { MobileMenu } from "./mobile-menu";
import { navItemsFor, ROLE_LABELS } from "./nav-items";

export interface AppShellProps {
  viewer: Viewer;
  /** Defaults to the demo manufacturer. */
  manufacturerName?: string;
  children: ReactNode;
  /** Corrections waiting for this viewer's approval: "2 to approve" beside the navigation. */
  toApprove?: number;
}

/** Top bar with role-based navigation and the signed-in user; the page goes in `<main id="content">`. */
export function AppShell({ viewer, manufacturerName = "Halcyon Semiconductor", children, toApprove = 0 }: AppShellProps) {
  const items = navItemsFor(viewer.role);
  const roleLine = [ROLE_LABELS[viewer.role], viewer.role === "distributor" ? viewer.distributorName : null]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#content"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow-md ring-1 ring-slate-300 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>

      <header className="border-b border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-x-6 px-4 sm:px-6 lg:flex-nowrap lg:px-8">
          <div className="flex h-14 items-center gap-3">
            <Link href={landingPath(viewer)} className="rounded-md" aria-label="Sellthru, home">
              <Wordmark />
            </Link>
            <span aria-hidden="true" className="hidden h-5 w-px bg-slate-200 sm:block" />
            <span className="hidden text-xs font-medium text-slate-600 sm:block">{manufacturerName}</span>
          </div>

          <nav aria-label="Main" className="order-last -mx-1 hidden w-full overflow-x-auto md:block lg:order-none lg:mx-0 lg:w-auto">
            <ul className="flex h-11 items-stretch gap-5 px-1 lg:h-14">
              {items.map((item) => (
                <li key={item.href} className="flex">
                  <NavLink href={item.href} also={item.also}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>

          {/* On a phone the user and sign-out move into the menu (MobileMenu). */}
          <div className="ml-auto hidden h-14 min-w-0 items-center gap-3 md:flex">
            {toApprove > 0 ? (
              <Link
                href="/exceptions/approvals"
                data-testid="to-approve"
                className="inline-flex h-7 shrink-0 items-center rounded-full bg-amber-100 px-2.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 hover:bg-amber-200"
              >
                {toApprove} to approve
              </Link>
            ) : null}
            <Account name={viewer.name} roleLine={roleLine} className="text-right" />
          </div>
          <MobileMenu
            items={items}
            account={
              <>
                {toApprove > 0 ? (
                  <Link href="/exceptions/approvals" className="basis-full rounded-md bg-amber-100 px-3 py-2 text-sm font-semibold text-amber-900 ring-1 ring-amber-300">
                    {toApprove} to approve
                  </Link>
                ) : null}
                <Account name={viewer.name} roleLine={roleLine} />
              </>
            }
          />
        </div>
      </header>

      <main id="content" tabIndex={-1} className="w-full flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}

/** The signed-in user (a link to their profile), their role, and sign out: in the top bar and in the phone menu. */
function Account({ name, roleLine, className }: { name: string; roleLine: string; className?: string }) {
  return (
    <>
      <div className={`min-w-0 leading-tight ${className ?? ""}`}>
        <Link href="/profile" title="Your profile" className="block truncate rounded-sm text-sm font-medium text-slate-900 hover:text-indigo-700 hover:underline">
          {name}
        </Link>
        <p className="truncate text-xs text-slate-600">{roleLine}</p>
      </div>
      <form action={signOutAction}>
        <SignOutButton />
      </form>
    </>
  );
}
