"use client";

import { useFormatter } from "@/components/format/format-provider";

export interface LocalTimeProps {
  /** ISO 8601 instant. */
  iso: string;
  /** Date only (no time, no zone). */
  dateOnly?: boolean;
  /** Show seconds. */
  seconds?: boolean;
  className?: string;
}

/**
 * A point in time in the user's locale and time zone (lib/format: the profile's, else the browser's),
 * with the zone's name; the server renders it the same way as the browser.
 */
export function LocalTime({ iso, dateOnly = false, seconds = false, className }: LocalTimeProps) {
  const f = useFormatter();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  return (
    <time dateTime={iso} className={className} data-local="">
      {dateOnly ? f.date(date) : f.dateTime(date, { zone: true, seconds })}
    </time>
  );
}
