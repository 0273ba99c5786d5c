"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, type ActionState } from "@/lib/validation/action-state";
import { updateSettings } from "@/lib/dal/settings/update-settings";
import { formDataOf } from "@/lib/validation/form-data";

export type SettingsState = ActionState<Record<string, string>, { message: string }>;

export async function saveSettingsAction(_prev: SettingsState, fd: FormData): Promise<SettingsState> {
  fd = formDataOf(fd);
  const values = Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  try {
    const viewer = await requireViewer();
    // The version the form showed: another admin's save since then is not overwritten.
    const version = Number(values.version);
    await withViewerDb(viewer, (db) => updateSettings(db, viewer, values, new Date(), Number.isInteger(version) ? version : undefined));
    revalidatePath("/admin/settings");
    revalidatePath("/compliance");
    return { ok: true, data: { message: "Settings saved. Deadlines of periods that have not ended follow the new rule." }, values };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, fieldErrors: fieldErrorsOf(error), formError: "Check the highlighted fields", values };
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message, values };
    console.error("[settings] save failed", error);
    return { ok: false, fieldErrors: {}, formError: "Something went wrong on our side; nothing was changed", values };
  }
}
