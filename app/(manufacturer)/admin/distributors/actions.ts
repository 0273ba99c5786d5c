"use server";

import { runAction } from "@/lib/auth/action";
import { createDistributor } from "@/lib/dal/admin/create-distributor";
import { createDistributorSchema, type DistributorFormState } from "@/lib/validation/admin";
import { formDataOf, formFields } from "@/lib/validation/form-data";

/** Creates a distributor (admins only), parsed with the same schema as the form and the REST API. */
export async function createDistributorAction(_prev: DistributorFormState, fd: FormData): Promise<DistributorFormState> {
  const raw = formFields(formDataOf(fd), ["code", "name"], ["region", "ediIsaId", "ediGsId", "duns", "gln"]);
  return runAction(
    { name: "create-distributor", roles: ["admin"], schema: createDistributorSchema, input: raw, values: raw, revalidate: ["/admin/distributors", "/admin"] },
    async ({ db, viewer, input }) => ({ data: { code: (await createDistributor(db, viewer, input)).code } }),
  );
}
