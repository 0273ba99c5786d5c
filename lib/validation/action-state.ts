import type { z } from "zod";

/** What every server action returns: typed, never a raw error message or stack trace. */
export type ActionState<TValues = Record<string, unknown>, TData = undefined> =
  | { ok: true; data?: TData; values?: Partial<TValues> }
  | { ok: false; fieldErrors: Partial<Record<keyof TValues & string, string[]>>; formError?: string; values?: Partial<TValues> }
  | { ok: null; values?: Partial<TValues> };

export function fieldErrorsOf<T>(error: z.ZodError<T>): Partial<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
