/**
 * What the REST route tests inject into the real route handlers: the viewer and the database. A test
 * file mocks the two modules with these (the factories import this file, as vi.mock runs first) and
 * sets `routeState.viewer` and `routeState.db`:
 *
 *   vi.mock("@/lib/auth/current-viewer", async () => (await import("@/lib/testing/route-mocks")).sessionViewerModule);
 *   vi.mock("@/db/client", async () => (await import("@/lib/testing/route-mocks")).dbClientModule);
 */
import { NextRequest } from "next/server";
import type { Viewer } from "@/lib/auth/viewer";
import { unauthenticated } from "@/lib/errors";

export const routeState = { viewer: null as Viewer | null, db: null as unknown };

const viewerModule = (kind: "session" | "token") => ({
  requestCredential: async () => (routeState.viewer ? { kind, userId: routeState.viewer.userId } : null),
  resolveViewer: async () => {
    if (!routeState.viewer) throw unauthenticated();
    return routeState.viewer;
  },
});

/** `@/lib/auth/current-viewer` signed in with a session as `routeState.viewer` (none: 401). */
export const sessionViewerModule = viewerModule("session");
/** The same, with an API token. */
export const tokenViewerModule = viewerModule("token");
/** `@/db/client` answering `routeState.db`. */
export const dbClientModule = { getDb: async () => routeState.db };

type PeriodHandler = (req: NextRequest, ctx: { params: Promise<{ period: string }> }) => Promise<Response>;

/** POST /api/v1/submissions/{period} with a JSON body and an Idempotency-Key. */
export function postSubmission(handler: PeriodHandler, period: string, body: unknown, key: string) {
  return handler(
    new NextRequest(`http://localhost/api/v1/submissions/${period}`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ period }) },
  );
}
