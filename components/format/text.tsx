"use client";

import { useFormatter } from "./format-provider";

/** A period "YYYY-MM" as the user reads it ("Dec 2026" / "Dez. 2026"), for server components without a formatter at hand. */
export function PeriodText({ period }: { period: string }) {
  return <>{useFormatter().period(period)}</>;
}

/** Money in a programme's currency, in the user's locale. */
export function MoneyText({ amount, currency, className }: { amount: number | null | undefined; currency: string; className?: string }) {
  const text = useFormatter().money(amount, currency);
  return <span className={className ? `tabular-nums ${className}` : "tabular-nums"}>{text}</span>;
}

/** A point in time in the user's locale and time zone, with the zone's name ("3. Dez. 2026, 09:15 MEZ"). Text only: wrap it in <time>. */
export function DateTimeText({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  return <>{useFormatter().dateTime(iso, { zone: true, seconds })}</>;
}

/** A sentence our own code wrote with en-US numbers (a check's message, a rebate reason), its numbers in the user's locale. */
export function MessageText({ text }: { text: string }) {
  return <>{useFormatter().message(text)}</>;
}
