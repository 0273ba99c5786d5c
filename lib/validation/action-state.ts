import { ZodError, type z } from "zod";
import { AppError, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, type AppErrorCode } from "@/lib/errors";

export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * What every server action returns (through `runAction`, lib/auth/action.ts): typed, never a raw
 * error message or stack trace. `ok: null` is the state before the first submit. A failure may carry
 * `details`: what the data layer attached to its `AppError` for the screen to show (the flags to
 * review, a colleague's newer revision).
 */
export type ActionState<TValues = Record<string, unknown>, TData = undefined, TDetails = Record<string, unknown>> =
  | { ok: true; message?: string; data?: TData; values?: Partial<TValues> }
  | { ok: false; code: AppErrorCode; fieldErrors: FieldErrors; formError: string; values?: Partial<TValues>; details?: TDetails }
  | { ok: null; values?: Partial<TValues> };

export type ActionFailure = Extract<ActionState, { ok: false }>;

/** Any action's state, for components that only show how it went. */
export type AnyActionState = ActionState<Record<string, unknown>, unknown>;

/** The state a form starts in. */
export const IDLE_STATE = { ok: null } as const;

/** User-facing text for an error code, replacing the error's own message (e.g. a screen's wording). */
export type ActionMessages = Partial<Record<AppErrorCode, string>>;

export const CHECK_FIELDS = "Check the highlighted fields; nothing was saved.";
export const SOMETHING_WENT_WRONG = "Something went wrong on our side; nothing was changed. Try again in a moment.";

export function fieldErrorsOf<T>(error: z.ZodError<T>): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one mapping from what an action threw to its failure state. The kind comes from the error's
 * `AppError` code (a zod error is `validation_failed`, a lost database `database_unavailable`,
 * anything else `internal`), never from the wording of a message.
 */
export function failureOf(error: unknown, messages: ActionMessages = {}): ActionFailure {
  if (error instanceof AppError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of error.issues) (fieldErrors[i.path || "_form"] ??= []).push(i.message);
    return {
      ok: false, code: error.code, fieldErrors, formError: messages[error.code] ?? error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof ZodError) {
    return { ok: false, code: "validation_failed", fieldErrors: fieldErrorsOf(error), formError: messages.validation_failed ?? CHECK_FIELDS };
  }
  if (isDatabaseUnavailable(error)) {
    return { ok: false, code: "database_unavailable", fieldErrors: {}, formError: messages.database_unavailable ?? DATABASE_UNAVAILABLE_MESSAGE };
  }
  return { ok: false, code: "internal", fieldErrors: {}, formError: messages.internal ?? SOMETHING_WENT_WRONG };
}

/** The state of a plain form posted as FormData: what was typed comes back with a failure. */
export type FormState = ActionState<Record<string, string>>;
