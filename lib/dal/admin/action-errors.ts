import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/action-state";

export interface ActionFailure {
  ok: false;
  fieldErrors: Partial<Record<string, string[]>>;
  formError?: string;
}

/**
 * Maps what a DAL call threw to a form state: our own errors keep their message and field issues
 * (they are written for users), anything else becomes a generic message — never a stack or SQL.
 */
export function actionFailure(error: unknown): ActionFailure {
  if (error instanceof AppError) {
    const fieldErrors: Partial<Record<string, string[]>> = {};
    for (const i of error.issues) (fieldErrors[i.path || "_form"] ??= []).push(i.message);
    return { ok: false, fieldErrors, formError: error.message };
  }
  if (error instanceof ZodError) return { ok: false, fieldErrors: fieldErrorsOf(error), formError: "Some fields are not valid; nothing was saved." };
  console.error("[admin action] unexpected error", error);
  return { ok: false, fieldErrors: {}, formError: "Something went wrong on our side; nothing was saved. Try again." };
}
