import { createElement, type ReactElement } from "react";
import type { BadgeTone } from "@/components/ui/badge";
import { DateTimeText } from "@/components/format/text";
import type { ExceptionStatus } from "@/lib/validation/exceptions";

export const STATUS_TONES: Record<ExceptionStatus, BadgeTone> = {
  open: "amber",
  investigating: "blue",
  resolved: "green",
  dismissed: "neutral",
};

/**
 * A point in time in the user's locale and time zone ("Nov 27, 2026, 03:20 AM UTC", "27. Nov. 2026,
 * 04:20 MEZ"), for server and client components alike: the text is rendered by a client leaf that
 * reads the user's settings (lib/format). Put it inside a <time dateTime={iso}>.
 */
export function formatTime(iso: string): ReactElement {
  return createElement(DateTimeText, { iso });
}
