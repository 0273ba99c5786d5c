import type { Viewer } from "@/lib/auth/viewer";
import { forbidden } from "@/lib/errors";

/** Tokens are managed from a signed-in session only: a token must not mint, list or revoke tokens. */
export function requireSession(viewer: Viewer): void {
  if (viewer.via !== "session") throw forbidden("API tokens are managed from a signed-in session, not with a token");
}
