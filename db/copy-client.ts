import { is } from "drizzle-orm";
import { PgliteSession } from "drizzle-orm/pglite";
import { PostgresJsSession } from "drizzle-orm/postgres-js";
import type { Queryable } from "./open";

/** What COPY needs of postgres.js: a query whose `writable()` is the COPY … FROM STDIN stream. */
export interface CopyClient {
  unsafe(query: string): { writable(): Promise<import("node:stream").Writable> };
}

/**
 * The postgres.js connection under a drizzle transaction, for `COPY … FROM STDIN` (how blocks stream
 * into Postgres while the parser runs). Reached through drizzle's public surface — the database's
 * `_.session`, recognised with drizzle's own `is()` as its postgres.js session, whose `client` is
 * public — never through a private field. On the embedded database (PGlite) `null`: its blocks go
 * as INSERTs by design. Any other session throws: should a drizzle upgrade move the client, uploads
 * fail loudly instead of silently becoming INSERTs (`db/copy-client.int.test.ts` checks both).
 */
export function copyClient(q: Queryable): CopyClient | null {
  const session: unknown = q._.session;
  if (is(session, PgliteSession)) return null;
  if (is(session, PostgresJsSession)) {
    const client = session.client as unknown as Partial<CopyClient> | undefined;
    if (client && typeof client.unsafe === "function") return client as CopyClient;
  }
  throw new Error("COPY needs the postgres.js connection under this transaction, and drizzle no longer exposes it where db/copy-client.ts looks: refusing to fall back to INSERTs");
}
