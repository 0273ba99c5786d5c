"use client";

import { useFormatter } from "@/components/format/format-provider";

/**
 * An instant in the user's locale and time zone with the zone's name ("Mar 2, 2026, 02:05 PM UTC",
 * "2. März 2026, 15:05 MEZ"), the same on the server and in the browser (lib/format). The name is
 * kept from when these times were always UTC.
 */
export function UtcTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  const text = useFormatter().dateTime(iso, { zone: true, seconds });
  return (
    <time dateTime={iso} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
