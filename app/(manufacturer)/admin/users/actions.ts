"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/dal/admin/create-user";
import { updateUser } from "@/lib/dal/admin/update-user";
import { createUserSchema, updateUserSchema, type UserActiveState, type UserFormState } from "@/lib/validation/admin";
import { emptyToUndefined } from "@/lib/validation/admin-csv";
import { formDataOf } from "@/lib/validation/form-data";

/** Creates a user (admins only). The password is never returned to the form. */
export async function createUserAction(_prev: UserFormState, fd: FormData): Promise<UserFormState> {
  fd = formDataOf(fd);
  const raw = {
    email: fd.get("email"),
    name: fd.get("name"),
    role: fd.get("role"),
    distributorCode: fd.get("role") === "distributor" ? emptyToUndefined(fd.get("distributorCode")) : undefined,
    password: fd.get("password"),
  };
  const values = { email: raw.email, name: raw.name, role: raw.role, distributorCode: raw.distributorCode };
  return runAction(
    { name: "create-user", roles: ["admin"], schema: createUserSchema, input: raw, values, revalidate: ["/admin/users", "/admin"] },
    async ({ db, viewer, input }) => ({ data: { email: (await createUser(db, viewer, input)).email } }),
  );
}

const toggleSchema = z.object({
  email: z.string().trim().min(1).max(320),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
  version: z.coerce.number().int().optional().catch(undefined),
});

/** Deactivates or reactivates a user (admins only; never yourself — the DAL refuses that too). */
export async function setUserActiveAction(_prev: UserActiveState, fd: FormData): Promise<UserActiveState> {
  fd = formDataOf(fd);
  const raw = { email: fd.get("email"), active: fd.get("active"), version: fd.get("version") ?? undefined };
  return runAction(
    { name: "set-user-active", roles: ["admin"], revalidate: ["/admin/users", "/admin"], messages: { validation_failed: "That request was not understood; nothing changed." } },
    async ({ db, viewer }) => {
      const parsed = toggleSchema.safeParse(raw);
      if (!parsed.success) throw new AppError("validation_failed", "That request was not understood; nothing changed.");
      await updateUser(db, viewer, parsed.data.email, updateUserSchema.parse({ active: parsed.data.active }), parsed.data.version);
    },
  );
}
