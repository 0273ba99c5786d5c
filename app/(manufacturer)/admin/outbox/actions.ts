"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/current-viewer";
import { requireRole } from "@/lib/dal/authorize";
import { AppError } from "@/lib/errors";
import { describeJobRun, runJobsOnce } from "@/lib/jobs/run-jobs";
import type { ActionResult } from "@/components/compliance/action-result";

/** Runs the reminder job once in this process (what `npm run jobs` does), then sends when SMTP is configured. */
export async function runJobsAction(): Promise<ActionResult> {
  try {
    const viewer = await requireViewer();
    requireRole(viewer, ["admin"]);
    // The job is the system's, not the admin's (runJobsOnce runs it as `system`).
    const run = await runJobsOnce(await getDb());
    revalidatePath("/admin/outbox");
    revalidatePath("/compliance");
    const line = describeJobRun(run);
    return { ok: true, message: line.charAt(0).toUpperCase() + line.slice(1) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    console.error("[outbox] job failed", error);
    return { ok: false, message: "Something went wrong on our side" };
  }
}
