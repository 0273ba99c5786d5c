"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { requireRole } from "@/lib/dal/authorize";
import { createUser } from "@/lib/dal/admin/create-user";
import { updateUser } from "@/lib/dal/admin/update-user";
import { actionFailure } from "@/lib/dal/admin/action-errors";
import { createUserSchema, updateUserSchema } from "@/lib/validation/admin";
import { fieldErrorsOf } from "@/lib/validation/action-state";
import { emptyToUndefined } from "@/lib/validation/admin-csv";
import type { UserFormState } from "@/components/admin/user-form";
import type { UserActiveState } from "@/components/admin/user-active-toggle";
import { formDataOf } from "@/lib/validation/form-data";

/** Creates a user (admins only). The password is never returned to the form. */
export async function createUserAction(_prev: UserFormState, formData: FormData): Promise<UserFormState> {
  formData = formDataOf(formData);
  const raw = {
    email: formData.get("email"),
    name: formData.get("name"),
    role: formData.get("role"),
    distributorCode: formData.get("role") === "distributor" ? emptyToUndefined(formData.get("distributorCode")) : undefined,
    password: formData.get("password"),
  };
  const values = { email: raw.email, name: raw.name, role: raw.role, distributorCode: raw.distributorCode };
  try {
    const viewer = await requireViewer();
    requireRole(viewer, ["admin"]);
    const parsed = createUserSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
    const u = await withViewerDb(viewer, (db) => createUser(db, viewer, parsed.data));
    revalidatePath("/admin/users");
    revalidatePath("/admin");
    return { ok: true, data: { email: u.email } };
  } catch (error) {
    return { ...actionFailure(error), values };
  }
}

const toggleSchema = z.object({
  email: z.string().trim().min(1).max(320),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Deactivates or reactivates a user (admins only; never yourself — the DAL refuses that too). */
export async function setUserActiveAction(_prev: UserActiveState, formData: FormData): Promise<UserActiveState> {
  formData = formDataOf(formData);
  try {
    const viewer = await requireViewer();
    requireRole(viewer, ["admin"]);
    const parsed = toggleSchema.safeParse({ email: formData.get("email"), active: formData.get("active") });
    if (!parsed.success) return { ok: false, fieldErrors: {}, formError: "That request was not understood; nothing changed." };
    const input = updateUserSchema.parse({ active: parsed.data.active });
    const version = Number(formData.get("version"));
    await withViewerDb(viewer, (db) => updateUser(db, viewer, parsed.data.email, input, Number.isInteger(version) ? version : undefined));
    revalidatePath("/admin/users");
    revalidatePath("/admin");
    return { ok: true };
  } catch (error) {
    const f = actionFailure(error);
    return { ok: false, fieldErrors: {}, formError: f.formError };
  }
}
