import type { BadgeTone } from "@/components/ui/badge";
import type { ExceptionStatus } from "@/lib/validation/exceptions";

export const STATUS_TONES: Record<ExceptionStatus, BadgeTone> = {
  open: "amber",
  investigating: "blue",
  resolved: "green",
  dismissed: "neutral",
};

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC",
});

/** "27 Nov 2026, 03:20 UTC": the same on the server and in the browser. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${timeFormat.format(d)} UTC`;
}
