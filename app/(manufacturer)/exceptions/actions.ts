"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import {
  bulkUpdateSchema,
  noteSchema,
  openExceptionSchema,
  proposeCorrectionSchema,
  updateExceptionSchema,
} from "@/lib/validation/exceptions";
import { openAutomaticExceptions, openException } from "@/lib/dal/exceptions/open-exception";
import { addExceptionNote, bulkUpdateExceptions, updateException } from "@/lib/dal/exceptions/update-exception";
import { requireExceptionWorker } from "@/lib/dal/exceptions/shared";
import { AuditedRefusal, approveCorrection, proposeCorrection, rejectCorrection, settleRefusal } from "@/lib/dal/corrections/corrections";
import { formDataOf } from "@/lib/validation/form-data";

export type FormState = ActionState<Record<string, string>, { message?: string }>;

const str = (fd: FormData, k: string) => {
  const v = fd.get(k);
  return typeof v === "string" ? v : undefined;
};

/** Runs a verb and turns what it throws into a form state: field errors, or one message. */
async function run(values: Record<string, string>, fn: () => Promise<string | void>): Promise<FormState> {
  try {
    const message = await fn();
    return { ok: true, data: { message: message ?? undefined } };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, fieldErrors: fieldErrorsOf(error), formError: "Check the highlighted fields", values };
    if (error instanceof AppError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const i of error.issues) (fieldErrors[i.path || "_form"] ??= []).push(i.message);
      return { ok: false, fieldErrors, formError: error.message, values };
    }
    console.error("[exceptions] action failed", error);
    return { ok: false, fieldErrors: {}, formError: "Something went wrong on our side; nothing was changed", values };
  }
}

const valuesOf = (fd: FormData) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;

export async function openExceptionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  let target: string | null = null;
  const state = await run(valuesOf(fd), async () => {
    const viewer = await requireViewer();
    const input = openExceptionSchema.parse({
      distributor: str(fd, "distributor"), sku: str(fd, "sku"), period: str(fd, "period"),
      reason: str(fd, "reason"), owner: str(fd, "owner"), note: str(fd, "note"),
    });
    const res = await withViewerDb(viewer, (db) => openException(db, viewer, input));
    target = `/exceptions/${res.id}?opened=${res.created ? "new" : "existing"}`;
  });
  if (target) {
    revalidatePath("/exceptions");
    redirect(target);
  }
  return state;
}

export async function openAutomaticAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  return run(valuesOf(fd), async () => {
    const viewer = await requireViewer();
    requireExceptionWorker(viewer);
    const period = str(fd, "period") || undefined;
    const res = await withViewerDb(viewer, (db) => openAutomaticExceptions(db, { period }));
    revalidatePath("/exceptions");
    return res.opened.length === 0
      ? `Every row of ${res.period} above the thresholds already has an exception`
      : `Opened ${res.opened.length} exception${res.opened.length === 1 ? "" : "s"} for ${res.period}`;
  });
}

export async function bulkUpdateAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  return run(valuesOf(fd), async () => {
    const viewer = await requireViewer();
    const owner = str(fd, "owner");
    const status = str(fd, "status");
    const input = bulkUpdateSchema.parse({
      ids: fd.getAll("ids").filter((v): v is string => typeof v === "string"),
      owner: owner === "" || owner === undefined ? undefined : owner === "none" ? null : owner,
      status: status || undefined,
    });
    const res = await withViewerDb(viewer, (db) => bulkUpdateExceptions(db, viewer, input));
    revalidatePath("/exceptions");
    const skipped = res.skipped.length ? ` · ${res.skipped.length} skipped: ${res.skipped.map((s) => s.message).join("; ")}` : "";
    return `Updated ${res.updated.length} exception${res.updated.length === 1 ? "" : "s"}${skipped}`;
  });
}

export async function updateExceptionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  return run(valuesOf(fd), async () => {
    const viewer = await requireViewer();
    const id = str(fd, "id") ?? "";
    const owner = str(fd, "owner");
    const reason = str(fd, "reason");
    const input = updateExceptionSchema.parse({
      status: str(fd, "status") || undefined,
      reason: reason === undefined ? undefined : reason === "" ? null : reason,
      owner: owner === undefined ? undefined : owner === "" ? null : owner,
    });
    // The version the screen showed: a change someone made since is not overwritten (a clear message instead).
    const version = Number(str(fd, "version"));
    const res = await withViewerDb(viewer, (db) => updateException(db, viewer, id, input, Number.isInteger(version) ? version : undefined));
    revalidatePath(`/exceptions/${id}`);
    revalidatePath("/exceptions");
    return res.changed.length ? `Saved: ${res.changed.join(", ")}` : "Nothing changed";
  });
}

export async function addNoteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  return run(valuesOf(fd), async () => {
    const viewer = await requireViewer();
    const id = str(fd, "id") ?? "";
    const input = noteSchema.parse({ body: str(fd, "body"), internal: fd.get("internal") === "on" });
    await withViewerDb(viewer, (db) => addExceptionNote(db, viewer, id, input));
    revalidatePath(`/exceptions/${id}`);
    return input.internal ? "Internal note added" : "Note added";
  });
}

export async function proposeCorrectionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  return run(valuesOf(fd), async () => {
    const viewer = await requireViewer();
    const id = str(fd, "id") ?? "";
    const quantity = (str(fd, "quantity") ?? "").replace("\u2212", "-").trim();
    const input = proposeCorrectionSchema.parse({ quantity: quantity === "" ? undefined : quantity, type: str(fd, "type"), reason: str(fd, "reason") });
    await withViewerDb(viewer, (db) => proposeCorrection(db, viewer, id, input));
    revalidatePath(`/exceptions/${id}`);
    return "Correction proposed: it takes effect when another channel manager approves it";
  });
}

export async function decideCorrectionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  return run(valuesOf(fd), async () => {
    const viewer = await requireViewer();
    const id = str(fd, "exceptionId") ?? "";
    const correctionId = str(fd, "correctionId") ?? "";
    if (str(fd, "decision") === "approve") {
      // A refused approval is audited: answered as a failure after its transaction commits.
      const res = await withViewerDb(viewer, (db) => settleRefusal(approveCorrection(db, viewer, correctionId)));
      if (res instanceof AuditedRefusal) throw res;
      revalidatePath(`/exceptions/${id}`);
      revalidatePath("/exceptions");
      return `Approved: the gap is now ${res.ledger?.gap ?? "—"}`;
    }
    await withViewerDb(viewer, (db) => rejectCorrection(db, viewer, correctionId));
    revalidatePath(`/exceptions/${id}`);
    return "Correction rejected";
  });
}
