"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link in a table or list row: prefetched when the pointer or keyboard reaches it, not when it
 * scrolls into view. A plain `Link` prefetches every visible row's page as the list renders (the gap
 * view's rows and filters made 51 server renders per view); the menu keeps the default.
 * The "hover-triggered prefetch" pattern of Next.js's prefetching guide.
 */
export function RowLink({ onMouseEnter, onFocus, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
    />
  );
}
