"use server";

import { runAction } from "@/lib/auth/action";
import { createDistributor } from "@/lib/dal/admin/create-distributor";
import { createDistributorSchema, type DistributorFormState } from "@/lib/validation/admin";
import { emptyToUndefined } from "@/lib/validation/admin-csv";
import { formDataOf } from "@/lib/validation/form-data";

/** Creates a distributor (admins only), parsed with the same schema as the form and the REST API. */
export async function createDistributorAction(_prev: DistributorFormState, fd: FormData): Promise<DistributorFormState> {
  fd = formDataOf(fd);
  const raw = {
    code: fd.get("code"), name: fd.get("name"), region: emptyToUndefined(fd.get("region")),
    ediIsaId: emptyToUndefined(fd.get("ediIsaId")), ediGsId: emptyToUndefined(fd.get("ediGsId")),
    duns: emptyToUndefined(fd.get("duns")), gln: emptyToUndefined(fd.get("gln")),
  };
  return runAction(
    { name: "create-distributor", roles: ["admin"], schema: createDistributorSchema, input: raw, values: raw, revalidate: ["/admin/distributors", "/admin"] },
    async ({ db, viewer, input }) => ({ data: { code: (await createDistributor(db, viewer, input)).code } }),
  );
}
