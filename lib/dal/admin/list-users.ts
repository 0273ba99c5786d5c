import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { distributors, users } from "@/db/schema";
import type { Role, Viewer } from "@/lib/auth/viewer";
import { requireRole } from "../authorize";

export interface UserListRow {
  email: string;
  name: string;
  role: Role;
  distributorCode: string | null;
  distributorName: string | null;
  active: boolean;
  createdAt: string;
  deactivatedAt: string | null;
  /** Moves on with every admin edit: the ETag, and what an edit must be based on. */
  version: number;
}

/** Every user (never a password hash), newest first. Admins only. */
export async function listUsers(db: Queryable, viewer: Viewer): Promise<UserListRow[]> {
  requireRole(viewer, ["admin"]);
  const rows = await db
    .select({
      email: users.email,
      name: users.name,
      role: users.role,
      distributorCode: distributors.code,
      distributorName: distributors.name,
      active: users.active,
      createdAt: users.createdAt,
      deactivatedAt: users.deactivatedAt,
      version: users.version,
    })
    .from(users)
    .leftJoin(distributors, eq(distributors.id, users.distributorId))
    .orderBy(desc(users.createdAt), users.email);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), deactivatedAt: r.deactivatedAt?.toISOString() ?? null }));
}
