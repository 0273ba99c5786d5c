import "server-only";
import { NextRequest, NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { getDb } from "@/db/client";
import { replicaConfigured } from "@/lib/config/env";
import { noteWrite, viewerContext, withViewerDb, withViewerReadDb, wroteIn } from "@/lib/auth/viewer-db";
import type { Db } from "@/db/open";
import { AUTH, setDbContext, withDbContext, type DbRunner } from "@/db/rls";
import { requestCredential, resolveViewer, type Credential } from "@/lib/auth/current-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, databaseUnavailable, unauthenticated, type Issue } from "@/lib/errors";
import { bodyLimits, readBodyBytes } from "./read-body";
import { assertSameOrigin } from "./same-origin";

export interface ApiContext<P> {
  req: NextRequest;
  viewer: Viewer;
  /** The request's transaction, carrying the viewer (row-level security). */
  db: Db;
  /** For a streamed body read after the handler returned: each call runs in a new viewer transaction. */
  later: DbRunner;
  params: P;
}

export function errorBody(code: string, message: string, issues: Issue[] = [], details?: Record<string, unknown>) {
  return { error: { code, message, ...(issues.length ? { issues } : {}), ...(details ? { details } : {}) } };
}

export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(errorBody(error.code, error.message, error.issues, error.details), { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json(errorBody("validation_failed", "The request is not valid; nothing was stored", zodIssues(error)), {
      status: 400,
    });
  }
  const unavailable = databaseUnavailable(error);
  if (unavailable) {
    console.error("[api] database unavailable", error);
    return NextResponse.json(errorBody(unavailable.code, unavailable.message), { status: unavailable.status, headers: { "retry-after": "5" } });
  }
  console.error("[api] unexpected error", error);
  return NextResponse.json(errorBody("internal", "Something went wrong on our side; nothing was stored"), { status: 500 });
}

export interface RouteOptions {
  /**
   * A body of at most this many bytes (default {@link MAX_JSON_BYTES}) is read in full — within the
   * time limits of `lib/http/read-body.ts` — BEFORE the request's transaction opens, so a slow client
   * never holds a connection; the handler reads it from `req` as usual (`readJson`, `req.text()`).
   */
  maxBody?: number;
  /**
   * A staff read path that may be served by the streaming replica (DATABASE_REPLICA_URL): the caller
   * is resolved on the primary, the handler (and `later`) run through `withViewerReadDb`.
   */
  replica?: boolean;
}

/** Headers every API answer carries: never cached (tenant data), HSTS when served over HTTPS. */
export function apiHeaders(res: Response, req?: Request): Response {
  if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
  if (req && isHttps(req)) res.headers.set("strict-transport-security", HSTS);
  return res;
}

export const HSTS = "max-age=31536000; includeSubDomains";

function isHttps(req: Request): boolean {
  const nextUrl = (req as NextRequest).nextUrl;
  return (nextUrl?.protocol ?? new URL(req.url).protocol) === "https:";
}

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The body, read before any transaction, handed to the handler as an in-memory request. */
async function withBufferedBody(req: NextRequest, maxBytes: number): Promise<NextRequest> {
  if (BODYLESS.has(req.method) || !req.body) return req;
  const bytes = await readBodyBytes(req, bodyLimits("body", maxBytes));
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: bytes as BodyInit });
}

/**
 * What every authenticated route does first and last: the credential is checked without the database
 * (none → 401 at once), a session cookie only counts from our own origin, the params are awaited; any
 * error maps to the contract's format, and every answer gets `apiHeaders`.
 */
function authenticatedRoute<P>(run: (req: NextRequest, credential: Credential, params: P) => Promise<Response>) {
  return async (req: NextRequest, context: { params: Promise<P> }) => {
    try {
      const credential = await requestCredential(req);
      if (!credential) throw unauthenticated();
      // Issue 12: no state change with the session cookie from another origin (same-origin.ts).
      assertSameOrigin(req, { via: credential.kind });
      const params = context?.params ? await context.params : ({} as P);
      return apiHeaders(await run(req, credential, params), req);
    } catch (error) {
      return apiHeaders(errorResponse(error), req);
    }
  };
}

/** One transaction as the caller: resolved (re-read), set as the viewer for row-level security; `later` opens new viewer transactions. */
function asCaller<T>(db: Db, credential: Credential, fn: (tx: Db, viewer: Viewer, later: DbRunner) => Promise<T>): Promise<T> {
  return withDbContext(db, AUTH, async (tx) => {
    const viewer = await resolveViewer(tx, credential);
    await setDbContext(tx, viewerContext(viewer));
    return fn(tx, viewer, (f) => withViewerDb(viewer, f));
  });
}

/**
 * An authenticated /api/v1 handler. In order: the credential is checked without the database (none
 * → 401 at once), the body is read within its size and time limits, and then ONE transaction
 * resolves the caller (re-read: deactivated users and revoked tokens stop at once), sets the viewer
 * for row-level security and runs the handler; an error rolls it back. Errors map to the contract's
 * format; every answer is `Cache-Control: no-store`.
 */
export function apiRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<Response>, opts: RouteOptions = {}) {
  return authenticatedRoute<P>(async (req, credential, params) => {
    const buffered = await withBufferedBody(req, opts.maxBody ?? MAX_JSON_BYTES);
    const db = await getDb();
    if (opts.replica && replicaConfigured()) {
      const viewer = await withDbContext(db, AUTH, (tx) => resolveViewer(tx, credential));
      const later: DbRunner = (fn) => withViewerReadDb(viewer, fn);
      return withViewerReadDb(viewer, (tx) => handler({ req: buffered, viewer, db: tx, later, params }));
    }
    let writer: Viewer | null = null;
    const res = await asCaller(db, credential, async (tx, viewer, later) => {
      const out = await handler({ req: buffered, viewer, db: tx, later, params });
      if (replicaConfigured() && (await wroteIn(tx))) writer = viewer;
      return out;
    });
    if (writer) await noteWrite(db, (writer as Viewer).userId);
    return res;
  });
}

/** What a streaming route does once its first transaction (the caller resolved, `prepare` run) has committed. */
export type StreamContinuation = (ctx: { later: DbRunner }) => Promise<Response>;

/**
 * An authenticated handler whose body is too large to buffer (uploads): the caller is resolved and
 * `prepare` runs in one short transaction BEFORE the body is read; the continuation it returns then
 * reads the body with no transaction open and opens its own (`later`) only for what it stores.
 */
export function apiStreamRoute<P = Record<string, never>>(prepare: (ctx: ApiContext<P>) => Promise<StreamContinuation>) {
  return authenticatedRoute<P>(async (req, credential, params) => {
    let later: DbRunner | null = null;
    const next = await asCaller(await getDb(), credential, (tx, viewer, runner) => {
      later = runner;
      return prepare({ req, viewer, db: tx, later: runner, params });
    });
    return next({ later: later! });
  });
}

/** JSON bodies above this are refused with 413 before they are parsed. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

/** Reads a request body as text, refusing (413) anything larger than `maxBytes` (and a body too slow: 408). */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(req, bodyLimits("body", maxBytes)));
}

/** A NUL escape in a JSON string: Postgres stores no NUL in text or jsonb. */
const NUL_ESCAPE = /\\u0000/i;

/** Reads a JSON body of at most MAX_JSON_BYTES: too big → 413, not JSON (or a NUL in a string) → 400. */
export async function readJson(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  return parseJsonText(await readBodyLimited(req, maxBytes));
}

/** readJson for a body that may be left out: an empty (or all-blank) body reads as `{}`. */
export async function readOptionalJson(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readBodyLimited(req, maxBytes);
  return text.trim() ? parseJsonText(text) : {};
}

function parseJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "The body is not valid JSON; nothing was stored", [{ path: "", message: "Not valid JSON" }]);
  }
  const nul = NUL_ESCAPE.test(text) ? findNul(value, []) : null;
  if (nul) throw new AppError("validation_failed", "The body holds a NUL character (\\u0000), which no field may contain; nothing was stored", [{ path: nul, message: "Contains a NUL character" }]);
  return value;
}

/** The path of the first string (or key) holding a NUL, or null. */
function findNul(value: unknown, path: string[]): string | null {
  if (typeof value === "string") return value.includes("\0") ? path.join(".") : null;
  if (!value || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes("\0")) return [...path, "(key)"].join(".");
    const found = findNul(v, [...path, k]);
    if (found !== null) return found;
  }
  return null;
}

/** readJson, then the zod schema (issues → 400 validation_failed). */
export async function parseJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  return schema.parse(await readJson(req, maxBytes));
}

export function searchParamsObject(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}

export function wantsCsv(req: NextRequest): boolean {
  return (req.headers.get("accept") ?? "").includes("text/csv") || req.nextUrl.searchParams.get("format") === "csv";
}
