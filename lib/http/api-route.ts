import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type z } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import type { Db } from "@/db/open";
import type { DbRunner } from "@/db/rls";
import { requireViewer } from "@/lib/auth/current-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, databaseUnavailable, type Issue } from "@/lib/errors";
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

/** An authenticated /api/v1 handler: resolves the viewer, maps errors to the contract's format. */
export function apiRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return async (req: NextRequest, context: { params: Promise<P> }) => {
    try {
      const viewer = await requireViewer();
      assertSameOrigin(req, viewer); // issue 12: no state change with the session cookie from another origin (same-origin.ts)
      const params = context?.params ? await context.params : ({} as P);
      // One transaction per request, carrying the viewer for row-level security; an error rolls it back.
      const later: DbRunner = (fn) => withViewerDb(viewer, fn);
      return await withViewerDb(viewer, (db) => handler({ req, viewer, db, later, params }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** JSON bodies above this are refused with 413 before they are parsed. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

/** Reads a request body as text, refusing (413) anything larger than `maxBytes` without buffering it all. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; nothing was stored`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Reads a JSON body of at most MAX_JSON_BYTES: too big → 413, not JSON → 400. */
export async function readJson(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readBodyLimited(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "The body is not valid JSON; nothing was stored", [{ path: "", message: "Not valid JSON" }]);
  }
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
