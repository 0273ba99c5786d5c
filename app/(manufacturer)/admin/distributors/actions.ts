"use server";

import { revalidatePath } from "next/cache";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { requireRole } from "@/lib/dal/authorize";
import { createDistributor } from "@/lib/dal/admin/create-distributor";
import { actionFailure } from "@/lib/dal/admin/action-errors";
import { createDistributorSchema } from "@/lib/validation/admin";
import { fieldErrorsOf } from "@/lib/validation/action-state";
import { emptyToUndefined } from "@/lib/validation/admin-csv";
import type { DistributorFormState } from "@/components/admin/distributor-form";
import { formDataOf } from "@/lib/validation/form-data";

/** Creates a distributor (admins only), parsed with the same schema as the form and the REST API. */
export async function createDistributorAction(_prev: DistributorFormState, formData: FormData): Promise<DistributorFormState> {
  formData = formDataOf(formData);
  const raw = {
    code: formData.get("code"), name: formData.get("name"), region: emptyToUndefined(formData.get("region")),
    ediIsaId: emptyToUndefined(formData.get("ediIsaId")), ediGsId: emptyToUndefined(formData.get("ediGsId")),
    duns: emptyToUndefined(formData.get("duns")), gln: emptyToUndefined(formData.get("gln")),
  };
  const values = { ...raw };
  try {
    const viewer = await requireViewer();
    requireRole(viewer, ["admin"]);
    const parsed = createDistributorSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
    const d = await withViewerDb(viewer, (db) => createDistributor(db, viewer, parsed.data));
    revalidatePath("/admin/distributors");
    revalidatePath("/admin");
    return { ok: true, data: { code: d.code } };
  } catch (error) {
    return { ...actionFailure(error), values };
  }
}
