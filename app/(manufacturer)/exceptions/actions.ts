"use server";

import { runAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/validation/action-state";
import { z } from "zod";
import {
  bulkOpenSchema,
  bulkUpdateSchema,
  decideCorrectionSchema,
  rowRefSchema,
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

export type { FormState };

const str = (fd: FormData, k: string) => {
  const v = fd.get(k);
  return typeof v === "string" ? v : undefined;
};

const valuesOf = (fd: FormData) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;

export async function openExceptionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const raw = { distributor: str(fd, "distributor"), sku: str(fd, "sku"), period: str(fd, "period"), reason: str(fd, "reason"), owner: str(fd, "owner"), note: str(fd, "note") };
  return runAction({ name: "open-exception", schema: openExceptionSchema, input: raw, values: valuesOf(fd), revalidate: ["/exceptions"] }, async ({ db, viewer, input }) => {
    const res = await openException(db, viewer, input);
    return { redirectTo: `/exceptions/${res.id}?opened=${res.created ? "new" : "existing"}` };
  });
}

export async function openAutomaticAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  return runAction({ name: "open-automatic", values: valuesOf(fd), revalidate: ["/exceptions"] }, async ({ db, viewer }) => {
    requireExceptionWorker(viewer);
    const res = await openAutomaticExceptions(db, { period: str(fd, "period") || undefined });
    return res.opened.length === 0
      ? `Every row of ${res.period} above the thresholds already has an exception`
      : `Opened ${res.opened.length} exception${res.opened.length === 1 ? "" : "s"} for ${res.period}`;
  });
}

export async function bulkUpdateAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const owner = str(fd, "owner");
  const status = str(fd, "status");
  const raw = {
    ids: fd.getAll("ids").filter((v): v is string => typeof v === "string"),
    owner: owner === "" || owner === undefined ? undefined : owner === "none" ? null : owner,
    status: status || undefined,
  };
  return runAction({ name: "bulk-update-exceptions", schema: bulkUpdateSchema, input: raw, values: valuesOf(fd), revalidate: ["/exceptions"] }, async ({ db, viewer, input }) => {
    const res = await bulkUpdateExceptions(db, viewer, input);
    const skipped = res.skipped.length ? ` · ${res.skipped.length} skipped: ${res.skipped.map((s) => s.message).join("; ")}` : "";
    return `Updated ${res.updated.length} exception${res.updated.length === 1 ? "" : "s"}${skipped}`;
  });
}

export async function updateExceptionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const id = str(fd, "id") ?? "";
  const owner = str(fd, "owner");
  const reason = str(fd, "reason");
  const raw = {
    status: str(fd, "status") || undefined,
    reason: reason === undefined ? undefined : reason === "" ? null : reason,
    owner: owner === undefined ? undefined : owner === "" ? null : owner,
  };
  // The version the screen showed: a change someone made since is not overwritten (a clear message instead).
  const version = Number(str(fd, "version"));
  return runAction(
    { name: "update-exception", schema: updateExceptionSchema, input: raw, values: valuesOf(fd), revalidate: [`/exceptions/${id}`, "/exceptions"] },
    async ({ db, viewer, input }) => {
      const res = await updateException(db, viewer, id, input, Number.isInteger(version) ? version : undefined);
      return res.changed.length ? `Saved: ${res.changed.join(", ")}` : "Nothing changed";
    },
  );
}

export async function addNoteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const id = str(fd, "id") ?? "";
  const raw = { body: str(fd, "body"), internal: fd.get("internal") === "on" };
  return runAction({ name: "add-note", schema: noteSchema, input: raw, values: valuesOf(fd), revalidate: [`/exceptions/${id}`] }, async ({ db, viewer, input }) => {
    await addExceptionNote(db, viewer, id, input);
    return input.internal ? "Internal note added" : "Note added";
  });
}

export async function proposeCorrectionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const id = str(fd, "id") ?? "";
  const quantity = (str(fd, "quantity") ?? "").replace("\u2212", "-").trim();
  const raw = { quantity: quantity === "" ? undefined : quantity, type: str(fd, "type"), reason: str(fd, "reason") };
  return runAction({ name: "propose-correction", schema: proposeCorrectionSchema, input: raw, values: valuesOf(fd), revalidate: [`/exceptions/${id}`] }, async ({ db, viewer, input }) => {
    await proposeCorrection(db, viewer, id, input);
    return "Correction proposed: it takes effect when another channel manager approves it";
  });
}

export async function decideCorrectionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const id = str(fd, "exceptionId") ?? "";
  const raw = { correctionId: str(fd, "correctionId"), decision: str(fd, "decision"), note: str(fd, "note") };
  return runAction(
    { name: "decide-correction", schema: decideCorrectionSchema, input: raw, values: valuesOf(fd), revalidate: [`/exceptions/${id}`, "/exceptions", "/exceptions/approvals"] },
    async ({ db, viewer, input }) => {
      if (input.decision === "reject") {
        await rejectCorrection(db, viewer, input.correctionId, { reason: input.note });
        return "Correction rejected";
      }
      // A refused approval is audited: returned (not thrown) so its transaction commits, then answered as a failure.
      const res = await settleRefusal(approveCorrection(db, viewer, input.correctionId, { note: input.note }));
      if (res instanceof AuditedRefusal) return res;
      return `Approved: the gap is now ${res.ledger?.gap ?? "—"}${res.exceptionResolved ? " and the exception is resolved by correction" : ""}`;
    },
  );
}

const rowOf = (fd: FormData) => ({ distributor: str(fd, "distributor"), sku: str(fd, "sku"), period: str(fd, "period") });

/**
 * From a row where it is shown (the drill-down): propose a correction without retyping the row. The
 * row's exception is opened when it has none (the same one otherwise), in the same transaction.
 */
export async function proposeOnRowAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const quantity = (str(fd, "quantity") ?? "").replace("\u2212", "-").trim();
  const raw = { row: rowOf(fd), correction: { quantity: quantity === "" ? undefined : quantity, type: str(fd, "type"), reason: str(fd, "reason") } };
  const schema = z.object({ row: rowRefSchema, correction: proposeCorrectionSchema });
  return runAction({ name: "propose-on-row", schema, input: raw, values: valuesOf(fd), revalidate: ["/exceptions", "/exceptions/approvals"] }, async ({ db, viewer, input }) => {
    const opened = await openException(db, viewer, input.row);
    await proposeCorrection(db, viewer, opened.id, input.correction);
    return { redirectTo: `/exceptions/${opened.id}?proposed=1` };
  });
}

/** From a row: ask the distributor (a shared note), opening the row's exception when it has none. */
export async function askOnRowAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const raw = { row: rowOf(fd), note: { body: str(fd, "body") } };
  const schema = z.object({ row: rowRefSchema, note: noteSchema });
  return runAction({ name: "ask-on-row", schema, input: raw, values: valuesOf(fd), revalidate: ["/exceptions"] }, async ({ db, viewer, input }) => {
    const opened = await openException(db, viewer, input.row);
    await addExceptionNote(db, viewer, opened.id, { body: input.note.body, internal: false });
    return { redirectTo: `/exceptions/${opened.id}?asked=1` };
  });
}

/** From the gap view: open exceptions on the selected rows (rows that have one keep it). */
export async function bulkOpenAction(_prev: FormState, fd: FormData): Promise<FormState> {
  fd = formDataOf(fd);
  const rows = fd.getAll("row").filter((v): v is string => typeof v === "string").map((v) => {
    const [distributor, period, ...sku] = v.split("|");
    return { distributor, period, sku: sku.join("|") };
  });
  return runAction({ name: "bulk-open-exceptions", schema: bulkOpenSchema, input: { rows }, revalidate: ["/exceptions"] }, async ({ db, viewer, input }) => {
    let created = 0;
    for (const row of input.rows) if ((await openException(db, viewer, row)).created) created++;
    const existing = input.rows.length - created;
    return `Opened ${created} exception${created === 1 ? "" : "s"}${existing ? ` · ${existing} already had one` : ""}`;
  });
}
