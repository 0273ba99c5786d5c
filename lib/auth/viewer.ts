/** Who is asking: resolved on every request from the session or a bearer token, re-checked in the database. */
import { ROLES, type Role } from "@/lib/domain/constants";

export { ROLES, type Role };
export const STAFF_ROLES: readonly Role[] = ["channel_manager", "rebate_analyst", "admin"];

export interface Viewer {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Set for distributor users only: the tenant every query is scoped to. */
  distributorId: number | null;
  distributorCode: string | null;
  distributorName: string | null;
  via: "session" | "token";
  /** The user's chosen locale and time zone (profile); absent = the browser's (lib/format). */
  locale?: string | null;
  timeZone?: string | null;
}

export function isStaff(v: Viewer): boolean {
  return v.role !== "distributor";
}
