import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { distributors } from "@/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import type { Role, Viewer } from "@/lib/auth/viewer";

/** Throws 403 unless the viewer has one of the roles. Admin may do what any staff role may. */
export function requireRole(viewer: Viewer, roles: readonly Role[]): void {
  if (roles.includes(viewer.role)) return;
  if (viewer.role === "admin" && roles.some((r) => r !== "distributor")) return;
  throw forbidden();
}

export function requireStaff(viewer: Viewer): void {
  requireRole(viewer, ["channel_manager", "rebate_analyst", "admin"]);
}

/**
 * The distributor a request is about. A distributor viewer is always its own tenant: naming another
 * code is a 404, never a look at someone else. Staff must name one.
 */
export async function resolveDistributor(
  db: Queryable,
  viewer: Viewer,
  requestedCode?: string | null,
): Promise<{ id: number; code: string; name: string }> {
  if (viewer.role === "distributor") {
    if (viewer.distributorId == null || viewer.distributorCode == null || viewer.distributorName == null) throw forbidden();
    if (requestedCode && requestedCode.toUpperCase() !== viewer.distributorCode.toUpperCase()) throw notFound();
    return { id: viewer.distributorId, code: viewer.distributorCode, name: viewer.distributorName };
  }
  requireStaff(viewer);
  if (!requestedCode) throw notFound("Name a distributor with ?distributor=CODE");
  const [row] = await db
    .select({ id: distributors.id, code: distributors.code, name: distributors.name })
    .from(distributors)
    .where(eq(distributors.code, requestedCode.toUpperCase()))
    .limit(1);
  if (!row) throw notFound(`No distributor ${requestedCode}`);
  return row;
}
