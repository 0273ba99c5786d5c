/** What the compliance and rebate actions return to their client components. */
export type ActionResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
