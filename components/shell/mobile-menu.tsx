"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { clsx } from "clsx";
import type { NavItem } from "./nav-items";
import { isActive } from "./nav-link";

/**
 * The navigation on a phone (below the md breakpoint): a "Menu" button in the top bar that opens the
 * links, the signed-in user and sign-out below it. A disclosure, not a modal: focus moves to the first
 * link when it opens, Escape closes it and returns focus to the button, and so does following a link.
 */
export function MobileMenu({ items, account }: { items: NavItem[]; account: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // A link followed: the new page shows with the menu closed.
  if (open && openedAt !== pathname) {
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="mobile-menu"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen((o) => !o);
        }}
        className="-mr-1 ml-auto inline-flex h-10 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 md:hidden"
        data-testid="menu-button"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
          {open ? (
            <path fill="currentColor" d="M5.28 4.22a.75.75 0 0 0-1.06 1.06L8.94 10l-4.72 4.72a.75.75 0 1 0 1.06 1.06L10 11.06l4.72 4.72a.75.75 0 1 0 1.06-1.06L11.06 10l4.72-4.72a.75.75 0 0 0-1.06-1.06L10 8.94z" />
          ) : (
            <path fill="currentColor" fillRule="evenodd" d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75m0 5.25a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 10m.75 4.5a.75.75 0 0 0 0 1.5h14.5a.75.75 0 0 0 0-1.5z" clipRule="evenodd" />
          )}
        </svg>
        Menu
      </button>
      {/* Rendered only while open, so a closed menu leaves no second copy of the links or the user's name in the page. */}
      <div ref={panel} id="mobile-menu" hidden={!open} className="order-last -mx-4 w-[calc(100%+2rem)] border-t border-slate-200 px-4 pb-3 sm:-mx-6 sm:w-[calc(100%+3rem)] sm:px-6 md:hidden">
        {open ? (
          <>
            <nav aria-label="Main">
              <ul className="py-2">
                {items.map((item) => {
                  const active = isActive(pathname, item.href, item.also);
                  return (
                    <li key={item.href}>
                      <Link
                        href={item.href}
                        aria-current={active ? "page" : undefined}
                        onClick={() => setOpen(false)}
                        className={clsx(
                          "flex h-11 items-center rounded-md px-3 text-base font-medium",
                          active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                        )}
                      >
                        {item.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3">{account}</div>
          </>
        ) : null}
      </div>
    </>
  );
}
