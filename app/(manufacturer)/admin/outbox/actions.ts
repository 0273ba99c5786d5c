"use server";

import { revalidatePath } from "next/cache";
import { withSystemDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { requireRole } from "@/lib/dal/authorize";
import { AppError } from "@/lib/errors";
import { runReminders } from "@/lib/jobs/run-reminders";
import { sendOutbox } from "@/lib/mail/send-outbox";
import type { ActionResult } from "@/components/compliance/action-result";

/** Runs the reminder job once in this process (what `npm run jobs` does), then sends when SMTP is configured. */
export async function runJobsAction(): Promise<ActionResult> {
  try {
    const viewer = await requireViewer();
    requireRole(viewer, ["admin"]);
    // The job is the system's, not the admin's: it queues for every distributor.
    const r = await withSystemDb((db) => runReminders(db));
    const s = await withSystemDb((db) => sendOutbox(db));
    revalidatePath("/admin/outbox");
    revalidatePath("/compliance");
    if (!r.locked) return { ok: true, message: "Another instance is running the reminder job right now; nothing queued here" };
    const queued = r.queued.length ? `${r.queued.length} reminder(s) queued: ${r.queued.map((q) => `${q.kind} ${q.code} ${q.period}`).join(", ")}` : "No reminder due now";
    return { ok: true, message: `${queued}. ${s.configured ? `Sent ${s.sent}, failed ${s.failed}.` : "Not sent: no SMTP configured."}` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    console.error("[outbox] job failed", error);
    return { ok: false, message: "Something went wrong on our side" };
  }
}
