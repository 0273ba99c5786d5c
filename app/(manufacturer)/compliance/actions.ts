"use server";

import { runAction } from "@/lib/auth/action";
import { remindSelected } from "@/lib/dal/reminders/remind-selected";
import { closePeriod, reopenPeriod } from "@/lib/dal/periods/close-period";
import type { ActionState } from "@/lib/validation/action-state";

/** "Remind selected": one reminder per distributor; the request id comes from the render, so a double click sends once. */
export async function remindAction(input: { distributors: string[]; period?: string; requestId: string }): Promise<ActionState> {
  return runAction({ name: "remind", revalidate: ["/compliance", "/admin/outbox"] }, async ({ db, viewer }) => {
    const r = await remindSelected(db, viewer, input);
    const parts = [];
    if (r.queued.length) parts.push(`Reminder for ${r.period} queued for ${r.queued.map((q) => q.code).join(", ")}`);
    if (r.duplicates.length) parts.push(`already queued for ${r.duplicates.join(", ")}`);
    if (r.noRecipients.length) parts.push(`no active user to write to at ${r.noRecipients.join(", ")}`);
    return parts.join("; ") || "Nothing to do";
  });
}

export async function closePeriodAction(period: string): Promise<ActionState> {
  return runAction({ name: "close-period", revalidate: ["/compliance"] }, async ({ db, viewer }) => {
    await closePeriod(db, viewer, period);
    return `Period ${period} closed: submissions for it are refused; changes go through approved adjustments`;
  });
}

export async function reopenPeriodAction(period: string): Promise<ActionState> {
  return runAction({ name: "reopen-period", revalidate: ["/compliance"] }, async ({ db, viewer }) => {
    await reopenPeriod(db, viewer, period);
    return `Period ${period} reopened`;
  });
}
