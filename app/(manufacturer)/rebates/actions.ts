"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { createProgram, updateProgram } from "@/lib/dal/rebates/save-program";
import { freezeResults } from "@/lib/dal/rebates/freeze-results";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/validation/action-state";

/**
 * Creates (id null) or edits a programme; the DAL parses the values with the same zod schema as the
 * form. An edit names the version the form showed: saving over someone else's newer edit is refused.
 */
export async function saveProgramAction(id: string | null, values: unknown, version?: number): Promise<ActionState<Record<string, unknown>, { id: string }>> {
  return runAction({ name: "save-program", revalidate: ["/rebates"] }, async ({ db, viewer }) => {
    if (id !== null && typeof id !== "string") throw new AppError("validation_failed", "This page is out of date; reload it.");
    const expected = Number.isInteger(version) ? version : undefined;
    const p = id ? await updateProgram(db, viewer, id, values, expected) : await createProgram(db, viewer, values);
    return { message: id ? "Programme saved" : "Programme created", data: { id: p.id }, revalidate: [`/rebates/${p.id}`] };
  });
}

/** Freezes results for payout: the named distributors, or every unfrozen row. */
export async function freezeAction(programId: string, distributors?: string[]): Promise<ActionState> {
  return runAction({ name: "freeze", schema: freezeInput, input: { programId, distributors } }, async ({ db, viewer, input }) => {
    const r = await freezeResults(db, viewer, input.programId, { distributors: input.distributors });
    const parts = [];
    if (r.frozen.length) parts.push(`Frozen for payout: ${r.frozen.join(", ")}`);
    if (r.alreadyFrozen.length) parts.push(`already frozen: ${r.alreadyFrozen.join(", ")}`);
    return { message: parts.join("; ") || "Nothing to freeze", revalidate: [`/rebates/${input.programId}`] };
  });
}
const freezeInput = z.object({ programId: z.uuid("No such programme"), distributors: z.array(z.string().max(12)).max(500).optional() });
