"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { addExceptionNote } from "@/lib/dal/exceptions/update-exception";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { noteSchema } from "@/lib/validation/exceptions";
import { formDataOf } from "@/lib/validation/form-data";

export type AnswerState = ActionState<Record<string, string>, { message?: string }>;

/** The distributor answers an exception on one of its own rows; staff see it in the thread. */
export async function answerExceptionAction(_prev: AnswerState, fd: FormData): Promise<AnswerState> {
  fd = formDataOf(fd);
  const body = typeof fd.get("body") === "string" ? (fd.get("body") as string) : "";
  const id = typeof fd.get("id") === "string" ? (fd.get("id") as string) : "";
  try {
    const viewer = await requireViewer();
    const input = noteSchema.parse({ body });
    await withViewerDb(viewer, (db) => addExceptionNote(db, viewer, id, { body: input.body }));
    revalidatePath("/my-exceptions");
    return { ok: true, data: { message: "Answer sent to the manufacturer" } };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, fieldErrors: fieldErrorsOf(error), values: { body } };
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message, values: { body } };
    console.error("[my-exceptions] answer failed", error);
    return { ok: false, fieldErrors: {}, formError: "Something went wrong on our side; your answer was not sent", values: { body } };
  }
}
