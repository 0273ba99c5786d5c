"use server";

import { runAction } from "@/lib/auth/action";
import { createProduct } from "@/lib/dal/admin/create-product";
import { createProductSchema, type ProductFormState } from "@/lib/validation/admin";
import { formDataOf, formFields } from "@/lib/validation/form-data";

/** Creates a product (admins only), parsed with the same schema as the form and the REST API. */
export async function createProductAction(_prev: ProductFormState, fd: FormData): Promise<ProductFormState> {
  const raw = formFields(formDataOf(fd), ["sku", "description", "family", "listPrice"], ["upc", "packSize"]);
  return runAction(
    { name: "create-product", roles: ["admin"], schema: createProductSchema, input: raw, values: raw, revalidate: ["/admin/products", "/admin"] },
    async ({ db, viewer, input }) => ({ data: { sku: (await createProduct(db, viewer, input)).sku } }),
  );
}
