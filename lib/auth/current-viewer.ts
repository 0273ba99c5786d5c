import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Queryable } from "@/db/open";
import { AUTH, setDbContext } from "@/db/rls";
import { withAuthDb } from "./viewer-db";
import { loadViewerByToken, loadViewerByUserId } from "@/lib/dal/auth/load-viewer";
import { unauthenticated } from "@/lib/errors";
import { TOKEN_PREFIX } from "./api-token";
import { auth } from "./auth";
import type { Viewer } from "./viewer";

/**
 * Who claims to be asking, from the request alone — no database: a bearer token of the right shape,
 * or a session cookie whose signature and expiry next-auth has checked. `null` → 401 at once, before
 * a body is read or a connection taken. A bearer header always wins over the cookie.
 */
export type Credential = { kind: "token"; secret: string } | { kind: "session"; userId: string; sessionVersion: number | undefined };

const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{20,100}$`);

export async function requestCredential(req?: Request): Promise<Credential | null> {
  const authz = req ? req.headers.get("authorization") : (await headers()).get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz.trim());
    return m && TOKEN_SHAPE.test(m[1]!) ? { kind: "token", secret: m[1]! } : null;
  }
  const session = await auth();
  const user = session?.user as { id?: string; sv?: number } | undefined;
  return user?.id ? { kind: "session", userId: user.id, sessionVersion: user.sv } : null;
}

/**
 * The viewer behind a credential, re-read in `db` — the request's own transaction (apiRoute), so
 * resolving the caller and serving the request is one transaction. The "auth" context of row-level
 * security is set for the look-up; the caller then sets the viewer's own. A deactivated user or a
 * revoked token resolves to nobody → 401.
 */
export async function resolveViewer(db: Queryable, credential: Credential): Promise<Viewer> {
  await setDbContext(db, AUTH);
  const viewer = credential.kind === "token" ? await loadViewerByToken(db, credential.secret) : await loadViewerByUserId(db, credential.userId, credential.sessionVersion);
  if (!viewer) throw unauthenticated();
  return viewer;
}

/**
 * For pages and server actions: the viewer of this request (cached for one render), resolved in a
 * short transaction of its own. Always re-read from the database, so a deactivated user or a revoked
 * token stops at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const credential = await requestCredential();
  if (!credential) return null;
  return withAuthDb((db) => (credential.kind === "token" ? loadViewerByToken(db, credential.secret) : loadViewerByUserId(db, credential.userId, credential.sessionVersion)));
});

/** For server actions: the viewer, or 401. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** For pages: no viewer → the sign-in page, coming back here afterwards. */
export async function requirePageViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/sign-in?from=${encodeURIComponent(returnTo)}` : "/sign-in");
  return viewer;
}

export function landingPath(viewer: Viewer): string {
  return viewer.role === "distributor" ? "/submit" : "/gaps";
}
