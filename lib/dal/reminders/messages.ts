/** The text of reminder e-mails. Pure: no I/O. */
import { formatPeriodLabel } from "@/lib/domain/periods";

export const REMINDER_KINDS = ["before", "due_day", "overdue", "manual"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  before: "Before the due date",
  due_day: "On the due day",
  overdue: "Overdue",
  manual: "Manual",
};

/** `reminder:<kind>:<distributor>:<period>[:<request id>]` — unique in the outbox, so a reminder is queued once. */
export function reminderKey(kind: ReminderKind, distributorCode: string, period: string, requestId?: string): string {
  return ["reminder", kind, distributorCode, period, ...(requestId ? [requestId] : [])].join(":");
}

export function formatDeadline(dueAt: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(dueAt);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(dueAt);
  return `${date}, ${time} (${timeZone})`;
}

export function reminderMessage(input: {
  kind: ReminderKind;
  manufacturer: string;
  distributorName: string;
  period: string;
  dueAt: Date;
  timeZone: string;
  submitted?: boolean;
  now: Date;
}): { subject: string; body: string } {
  const label = formatPeriodLabel(input.period);
  const deadline = formatDeadline(input.dueAt, input.timeZone);
  const subjects: Record<ReminderKind, string> = {
    before: `Reminder: your ${label} sell-through report is due ${deadline.split(",")[0]}`,
    due_day: `Due today: your ${label} sell-through report`,
    overdue: `Overdue: your ${label} sell-through report (was due ${deadline.split(",")[0]})`,
    manual: `${input.manufacturer}: please send your ${label} sell-through report`,
  };
  const lead =
    input.kind === "overdue" || (input.kind === "manual" && input.dueAt.getTime() < input.now.getTime() && !input.submitted)
      ? `We have not received your POS and inventory report for ${label}. It was due ${deadline}.`
      : `Your POS and inventory report for ${label} is due ${deadline}.`;
  const body = [
    `Hello ${input.distributorName},`,
    "",
    lead,
    "Open Sellthru, check the prefilled numbers (or drop in your own report file) and submit: it takes about two minutes.",
    "Reporting on time and complete counts towards your reporting rebate.",
    "",
    `— ${input.manufacturer} channel team`,
  ].join("\n");
  return { subject: subjects[input.kind], body };
}
