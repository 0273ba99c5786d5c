"use server";

import { getDb } from "@/db/client";
import { runSystemAction } from "@/lib/auth/action";
import { describeJobRun, runJobsOnce } from "@/lib/jobs/run-jobs";
import type { ActionState } from "@/lib/validation/action-state";

/** Runs the reminder job once in this process (what `npm run jobs` does), then sends when SMTP is configured. */
export async function runJobsAction(): Promise<ActionState> {
  // The job is the system's, not the admin's: runJobsOnce runs it as `system`, in its own transactions.
  return runSystemAction({ name: "run-jobs", roles: ["admin"], revalidate: ["/admin/outbox", "/compliance"] }, async () => {
    const line = describeJobRun(await runJobsOnce(await getDb()));
    return line.charAt(0).toUpperCase() + line.slice(1);
  });
}
