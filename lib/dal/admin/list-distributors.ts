import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { distributors, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { requireRole } from "../authorize";

export interface DistributorListRow {
  code: string;
  name: string;
  region: string | null;
  /** EDI identities: ISA qualifier:ID, GS02, DUNS, GLN (null: not given). */
  ediIsaId: string | null;
  ediGsId: string | null;
  duns: string | null;
  gln: string | null;
  active: boolean;
  activeUsers: number;
  createdAt: string;
}

/** Every distributor with its number of active users, by code. Admins only. */
export async function listDistributors(db: Queryable, viewer: Viewer): Promise<DistributorListRow[]> {
  requireRole(viewer, ["admin"]);
  const rows = await db
    .select({
      code: distributors.code,
      name: distributors.name,
      region: distributors.region,
      ediIsaId: distributors.ediIsaId,
      ediGsId: distributors.ediGsId,
      duns: distributors.duns,
      gln: distributors.gln,
      active: distributors.active,
      createdAt: distributors.createdAt,
      activeUsers: sql<number>`count(${users.id}) filter (where ${users.active})`.mapWith(Number),
    })
    .from(distributors)
    .leftJoin(users, eq(users.distributorId, distributors.id))
    .groupBy(distributors.id)
    .orderBy(asc(distributors.code));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Code and name of every distributor, for selects (user form, audit filter). Admins only. */
export async function listDistributorOptions(db: Queryable, viewer: Viewer): Promise<{ code: string; name: string }[]> {
  requireRole(viewer, ["admin"]);
  return db.select({ code: distributors.code, name: distributors.name }).from(distributors).orderBy(asc(distributors.code));
}
