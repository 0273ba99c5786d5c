"use client";

import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/** Options shared by the server and browser renderings: date, time and a short time-zone name. */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};
const DATE_ONLY: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };

const serverFormats = {
  dateTime: new Intl.DateTimeFormat("en-US", { ...DATE_TIME, timeZone: "UTC" }),
  date: new Intl.DateTimeFormat("en-US", { ...DATE_ONLY, timeZone: "UTC" }),
};
let browserFormats: typeof serverFormats | null = null;

/** The same options the browser uses to show a time; exported for tests and titles. */
export const LOCAL_TIME_OPTIONS = DATE_TIME;

export interface LocalTimeProps {
  /** ISO 8601 instant. */
  iso: string;
  /** Date only (no time, no zone). */
  dateOnly?: boolean;
  className?: string;
}

/**
 * A point in time in the user's locale and time zone (with the zone's name). The server renders
 * UTC; the browser switches to the user's zone right after hydration, without a mismatch warning.
 */
export function LocalTime({ iso, dateOnly = false, className }: LocalTimeProps) {
  const inBrowser = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  let formats = serverFormats;
  if (inBrowser) {
    browserFormats ??= {
      dateTime: new Intl.DateTimeFormat(undefined, DATE_TIME),
      date: new Intl.DateTimeFormat(undefined, DATE_ONLY),
    };
    formats = browserFormats;
  }
  const text = (dateOnly ? formats.date : formats.dateTime).format(date);
  return (
    <time dateTime={iso} className={className} data-local={inBrowser ? "" : undefined}>
      {text}
    </time>
  );
}
