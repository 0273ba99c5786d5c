"use server";

import { runAction } from "@/lib/auth/action";
import { addExceptionNote } from "@/lib/dal/exceptions/update-exception";
import type { FormState } from "@/lib/validation/action-state";
import { noteSchema } from "@/lib/validation/exceptions";
import { formDataOf } from "@/lib/validation/form-data";

export type AnswerState = FormState;

/** The distributor answers an exception on one of its own rows; staff see it in the thread. */
export async function answerExceptionAction(_prev: AnswerState, fd: FormData): Promise<AnswerState> {
  fd = formDataOf(fd);
  const body = typeof fd.get("body") === "string" ? (fd.get("body") as string) : "";
  const id = typeof fd.get("id") === "string" ? (fd.get("id") as string) : "";
  return runAction(
    { name: "answer-exception", schema: noteSchema, input: { body }, values: { body }, revalidate: ["/my-exceptions"], messages: { internal: "Something went wrong on our side; your answer was not sent" } },
    async ({ db, viewer, input }) => {
      await addExceptionNote(db, viewer, id, { body: input.body });
      return "Answer sent to the manufacturer";
    },
  );
}
