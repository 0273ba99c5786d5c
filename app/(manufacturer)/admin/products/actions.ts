"use server";

import { revalidatePath } from "next/cache";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requireViewer } from "@/lib/auth/current-viewer";
import { requireRole } from "@/lib/dal/authorize";
import { createProduct } from "@/lib/dal/admin/create-product";
import { actionFailure } from "@/lib/dal/admin/action-errors";
import { createProductSchema } from "@/lib/validation/admin";
import { fieldErrorsOf } from "@/lib/validation/action-state";
import { emptyToUndefined } from "@/lib/validation/admin-csv";
import type { ProductFormState } from "@/components/admin/product-form";
import { formDataOf } from "@/lib/validation/form-data";

/** Creates a product (admins only), parsed with the same schema as the form and the REST API. */
export async function createProductAction(_prev: ProductFormState, formData: FormData): Promise<ProductFormState> {
  formData = formDataOf(formData);
  const raw = {
    sku: formData.get("sku"),
    description: formData.get("description"),
    family: formData.get("family"),
    listPrice: formData.get("listPrice"),
    upc: emptyToUndefined(formData.get("upc")),
    packSize: emptyToUndefined(formData.get("packSize")),
  };
  try {
    const viewer = await requireViewer();
    requireRole(viewer, ["admin"]);
    const parsed = createProductSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: raw };
    const p = await withViewerDb(viewer, (db) => createProduct(db, viewer, parsed.data));
    revalidatePath("/admin/products");
    revalidatePath("/admin");
    return { ok: true, data: { sku: p.sku } };
  } catch (error) {
    return { ...actionFailure(error), values: raw };
  }
}
