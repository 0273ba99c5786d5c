import type { ReactNode } from "react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** The tabs of a page, as links in a `nav` named `label`; `current` is the value of the one shown. */
export function TabNav<V extends string>({ label, current, tabs }: { label: string; current: V; tabs: readonly { value: V; href: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="flex gap-2">
      {tabs.map((t) => (
        <TabLink key={t.value} href={t.href} current={current === t.value}>
          {t.label}
        </TabLink>
      ))}
    </nav>
  );
}

/** One of a few links showing the same page another way; the current one is a filled button. */
export function TabLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={buttonClasses({ size: "sm", variant: current ? "primary" : "secondary" })}>
      {children}
    </Link>
  );
}
