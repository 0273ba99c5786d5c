"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/action-state";
import { createProgram, updateProgram } from "@/lib/dal/rebates/save-program";
import { freezeResults } from "@/lib/dal/rebates/freeze-results";
import type { ActionResult } from "@/components/compliance/action-result";

export type SaveProgramResult = ActionResult & { id?: string };

function fail(error: unknown): ActionResult {
  if (error instanceof ZodError) return { ok: false, message: "Check the highlighted fields", fieldErrors: fieldErrorsOf(error) as Record<string, string[]> };
  if (error instanceof AppError) return { ok: false, message: error.message };
  console.error("[rebates] action failed", error);
  return { ok: false, message: "Something went wrong on our side; nothing was changed" };
}

/**
 * Creates (id null) or edits a programme; the DAL parses the values with the same zod schema as the
 * form. An edit names the version the form showed: saving over someone else's newer edit is refused.
 */
export async function saveProgramAction(id: string | null, values: unknown, version?: number): Promise<SaveProgramResult> {
  try {
    const viewer = await requireViewer();
    const expected = Number.isInteger(version) ? version : undefined;
    const p = await withViewerDb(viewer, (db) => (id ? updateProgram(db, viewer, id, values, expected) : createProgram(db, viewer, values)));
    revalidatePath("/rebates");
    revalidatePath(`/rebates/${p.id}`);
    return { ok: true, message: id ? "Programme saved" : "Programme created", id: p.id };
  } catch (error) {
    return fail(error);
  }
}

/** Freezes results for payout: the named distributors, or every unfrozen row. */
export async function freezeAction(programId: string, distributors?: string[]): Promise<ActionResult> {
  try {
    const viewer = await requireViewer();
    const r = await withViewerDb(viewer, (db) => freezeResults(db, viewer, programId, { distributors }));
    revalidatePath(`/rebates/${programId}`);
    const parts = [];
    if (r.frozen.length) parts.push(`Frozen for payout: ${r.frozen.join(", ")}`);
    if (r.alreadyFrozen.length) parts.push(`already frozen: ${r.alreadyFrozen.join(", ")}`);
    return { ok: true, message: parts.join("; ") || "Nothing to freeze" };
  } catch (error) {
    return fail(error);
  }
}
