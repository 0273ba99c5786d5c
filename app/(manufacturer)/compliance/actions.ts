"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/action-state";
import { remindSelected } from "@/lib/dal/reminders/remind-selected";
import { closePeriod, reopenPeriod } from "@/lib/dal/periods/close-period";
import type { ActionResult } from "@/components/compliance/action-result";

async function run(fn: () => Promise<string>): Promise<ActionResult> {
  try {
    return { ok: true, message: await fn() };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, message: error.issues[0]?.message ?? "Check the input", fieldErrors: fieldErrorsOf(error) as Record<string, string[]> };
    if (error instanceof AppError) return { ok: false, message: error.message };
    console.error("[compliance] action failed", error);
    return { ok: false, message: "Something went wrong on our side; nothing was changed" };
  }
}

/** "Remind selected": one reminder per distributor; the request id comes from the render, so a double click sends once. */
export async function remindAction(input: { distributors: string[]; period?: string; requestId: string }): Promise<ActionResult> {
  const result = await run(async () => {
    const viewer = await requireViewer();
    const r = await withViewerDb(viewer, (db) => remindSelected(db, viewer, input));
    const parts = [];
    if (r.queued.length) parts.push(`Reminder for ${r.period} queued for ${r.queued.map((q) => q.code).join(", ")}`);
    if (r.duplicates.length) parts.push(`already queued for ${r.duplicates.join(", ")}`);
    if (r.noRecipients.length) parts.push(`no active user to write to at ${r.noRecipients.join(", ")}`);
    return parts.join("; ") || "Nothing to do";
  });
  revalidatePath("/compliance");
  revalidatePath("/admin/outbox");
  return result;
}

export async function closePeriodAction(period: string): Promise<ActionResult> {
  const r = await run(async () => {
    const viewer = await requireViewer();
    await withViewerDb(viewer, (db) => closePeriod(db, viewer, period));
    return `Period ${period} closed: submissions for it are refused; changes go through approved adjustments`;
  });
  revalidatePath("/compliance");
  return r;
}

export async function reopenPeriodAction(period: string): Promise<ActionResult> {
  const r = await run(async () => {
    const viewer = await requireViewer();
    await withViewerDb(viewer, (db) => reopenPeriod(db, viewer, period));
    return `Period ${period} reopened`;
  });
  revalidatePath("/compliance");
  return r;
}
