"use server";

import { runAction } from "@/lib/auth/action";
import { createProgram, updateProgram } from "@/lib/dal/rebates/save-program";
import { freezeResults } from "@/lib/dal/rebates/freeze-results";
import type { ActionState } from "@/lib/validation/action-state";

/**
 * Creates (id null) or edits a programme; the DAL parses the values with the same zod schema as the
 * form. An edit names the version the form showed: saving over someone else's newer edit is refused.
 */
export async function saveProgramAction(id: string | null, values: unknown, version?: number): Promise<ActionState<Record<string, unknown>, { id: string }>> {
  return runAction({ name: "save-program", revalidate: ["/rebates"] }, async ({ db, viewer }) => {
    const expected = Number.isInteger(version) ? version : undefined;
    const p = id ? await updateProgram(db, viewer, id, values, expected) : await createProgram(db, viewer, values);
    return { message: id ? "Programme saved" : "Programme created", data: { id: p.id }, revalidate: [`/rebates/${p.id}`] };
  });
}

/** Freezes results for payout: the named distributors, or every unfrozen row. */
export async function freezeAction(programId: string, distributors?: string[]): Promise<ActionState> {
  return runAction({ name: "freeze", revalidate: [`/rebates/${programId}`] }, async ({ db, viewer }) => {
    const r = await freezeResults(db, viewer, programId, { distributors });
    const parts = [];
    if (r.frozen.length) parts.push(`Frozen for payout: ${r.frozen.join(", ")}`);
    if (r.alreadyFrozen.length) parts.push(`already frozen: ${r.alreadyFrozen.join(", ")}`);
    return parts.join("; ") || "Nothing to freeze";
  });
}
