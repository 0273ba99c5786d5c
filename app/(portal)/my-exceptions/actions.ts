"use server";

import { runAction } from "@/lib/auth/action";
import { addExceptionNote } from "@/lib/dal/exceptions/update-exception";
import type { FormState } from "@/lib/validation/action-state";
import { bulkAnswerSchema, bulkAnswerText, noteSchema } from "@/lib/validation/exceptions";
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

/** One answer for several exceptions that share a cause (a transfer that explains five rows, say). */
export async function bulkAnswerAction(_prev: AnswerState, fd: FormData): Promise<AnswerState> {
  fd = formDataOf(fd);
  const text = (k: string) => (typeof fd.get(k) === "string" ? (fd.get(k) as string) : undefined);
  const raw = { ids: fd.getAll("ids").filter((v): v is string => typeof v === "string"), cause: text("cause") || undefined, body: text("body") };
  return runAction(
    { name: "bulk-answer-exceptions", schema: bulkAnswerSchema, input: raw, values: { body: raw.body ?? "" }, revalidate: ["/my-exceptions"] },
    async ({ db, viewer, input }) => {
      const body = bulkAnswerText(input);
      for (const id of new Set(input.ids)) await addExceptionNote(db, viewer, id, { body });
      return `Answer sent on ${input.ids.length} exception${input.ids.length === 1 ? "" : "s"}`;
    },
  );
}
