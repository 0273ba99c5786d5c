import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/open";
import { distributors, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { createUserSchema } from "@/lib/validation/admin";
import { requireRole } from "../authorize";
import { recordAudit } from "../audit/record-audit";

export async function createUser(db: Queryable, viewer: Viewer, input: z.infer<typeof createUserSchema>) {
  requireRole(viewer, ["admin"]);
  let distributorId: number | null = null;
  if (input.distributorCode) {
    const [d] = await db.select({ id: distributors.id }).from(distributors).where(eq(distributors.code, input.distributorCode));
    if (!d) throw new AppError("validation_failed", `No distributor ${input.distributorCode}`, [{ path: "distributorCode", message: "Unknown distributor" }]);
    distributorId = d.id;
  }
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({
      email: input.email, name: input.name, role: input.role, distributorId, passwordHash,
      // Kept for the two-person rule: an approver this admin created within a day is no second person.
      createdBy: viewer.userId, roleSetBy: viewer.userId, roleSetAt: new Date(), passwordSetBy: viewer.userId, passwordSetAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!row) throw new AppError("conflict", `A user ${input.email} already exists`, [{ path: "email", message: "Already exists" }]);
  await recordAudit(db, viewer, "user.create", { distributorId, subject: row.email, data: { role: row.role } });
  return { ...row, distributorCode: input.distributorCode ?? null, active: true };
}
