import type { Queryable } from "@/db/open";
import { distributors } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { ediIdsOf, identitiesFromEdiIds } from "@/lib/domain/edi-sender";
import type { z } from "zod";
import type { createDistributorSchema } from "@/lib/validation/admin";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";

export async function createDistributor(db: Queryable, viewer: Viewer, input: z.infer<typeof createDistributorSchema>) {
  requireRole(viewer, ["admin"]);
  const listed = input.ediIds ? identitiesFromEdiIds(input.ediIds) : null;
  const fromList = listed?.ok ? listed.ids : {};
  const [row] = await db
    .insert(distributors)
    .values({
      code: input.code, name: input.name, region: input.region ?? null,
      ediIsaId: input.ediIsaId ?? fromList.ediIsaId ?? null, ediGsId: input.ediGsId ?? fromList.ediGsId ?? null,
      duns: input.duns ?? fromList.duns ?? null, gln: input.gln ?? fromList.gln ?? null,
    })
    .onConflictDoNothing()
    .returning({
      id: distributors.id, code: distributors.code, name: distributors.name, region: distributors.region,
      ediIsaId: distributors.ediIsaId, ediGsId: distributors.ediGsId, duns: distributors.duns, gln: distributors.gln,
    });
  if (!row) throw new AppError("conflict", `Distributor ${input.code} already exists`, [{ path: "code", message: "Already exists" }]);
  await recordAudit(db, viewer, "distributor.create", { distributorId: row.id, subject: row.code });
  return { code: row.code, name: row.name, region: row.region, ediIsaId: row.ediIsaId, ediGsId: row.ediGsId, duns: row.duns, gln: row.gln, ediIds: ediIdsOf(row) };
}
