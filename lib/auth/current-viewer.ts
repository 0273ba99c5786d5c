import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { withAuthDb } from "./viewer-db";
import { loadViewerByToken, loadViewerByUserId } from "@/lib/dal/auth/load-viewer";
import { unauthenticated } from "@/lib/errors";
import { auth } from "./auth";
import type { Viewer } from "./viewer";

/**
 * The viewer of this request: a bearer token wins over the session cookie. Always re-read from the
 * database, so a deactivated user or a revoked token stops at once. Cached for one request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const h = await headers();
  const authz = h.get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz.trim());
    return m ? withAuthDb((db) => loadViewerByToken(db, m[1]!)) : null;
  }
  const session = await auth();
  const user = session?.user as { id?: string; sv?: number } | undefined;
  return user?.id ? withAuthDb((db) => loadViewerByUserId(db, user.id!, user.sv)) : null;
});

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
