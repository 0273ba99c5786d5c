/**
 * `getProfile(db, viewer)` / `updateProfile(db, viewer, input)` — the signed-in user's own name,
 * locale, time zone and e-mail notices (/profile). Any role, only ever the viewer's own row (the id
 * comes from the session; row-level security lets a distributor write its own tenant's users only).
 */
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import type { ProfileInput } from "@/lib/validation/accounts";
import { recordAudit } from "../audit/record-audit";

export interface Profile {
  email: string;
  name: string;
  locale: string | null;
  timeZone: string | null;
  notifyEmail: boolean;
  passwordSetAt: string | null;
}

export async function getProfile(db: Queryable, viewer: Viewer): Promise<Profile> {
  const [row] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, timeZone: users.timeZone, notifyEmail: users.notifyEmail, passwordSetAt: users.passwordSetAt })
    .from(users)
    .where(eq(users.id, viewer.userId))
    .limit(1);
  if (!row) throw notFound("Your account no longer exists");
  return { ...row, passwordSetAt: row.passwordSetAt ? new Date(row.passwordSetAt).toISOString() : null };
}

/** Saves the profile; the audit entry names what changed. Bumps the row's version (an admin's stale edit is then refused). */
export async function updateProfile(db: Queryable, viewer: Viewer, input: ProfileInput): Promise<Profile> {
  const before = await getProfile(db, viewer);
  await db
    .update(users)
    .set({ name: input.name, locale: input.locale, timeZone: input.timeZone, notifyEmail: input.notifyEmail, version: sql`${users.version} + 1` as unknown as number })
    .where(eq(users.id, viewer.userId));
  const changed = (["name", "locale", "timeZone", "notifyEmail"] as const).filter((k) => before[k] !== input[k]);
  if (changed.length) {
    await recordAudit(db, viewer, "profile.update", {
      distributorId: viewer.distributorId,
      subject: viewer.email,
      data: Object.fromEntries(changed.map((k) => [k, input[k]])),
    });
  }
  return getProfile(db, viewer);
}
