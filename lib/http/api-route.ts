import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/open";
import { requireViewer } from "@/lib/auth/current-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, type Issue } from "@/lib/errors";

export interface ApiContext<P> {
  req: NextRequest;
  viewer: Viewer;
  db: Db;
  params: P;
}

export function errorBody(code: string, message: string, issues: Issue[] = []) {
  return { error: { code, message, ...(issues.length ? { issues } : {}) } };
}

export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(errorBody(error.code, error.message, error.issues), { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json(errorBody("validation_failed", "The request is not valid; nothing was stored", zodIssues(error)), {
      status: 400,
    });
  }
  console.error("[api] unexpected error", error);
  return NextResponse.json(errorBody("internal", "Something went wrong on our side; nothing was stored"), { status: 500 });
}

/** An authenticated /api/v1 handler: resolves the viewer, maps errors to the contract's format. */
export function apiRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return async (req: NextRequest, context: { params: Promise<P> }) => {
    try {
      const viewer = await requireViewer();
      const db = await getDb();
      const params = context?.params ? await context.params : ({} as P);
      return await handler({ req, viewer, db, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body and parses it with a zod schema; a malformed body is a 400, not a 500. */
export async function parseJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError("validation_failed", "The body is not valid JSON");
  }
  return schema.parse(raw);
}

export function searchParamsObject(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}

export function wantsCsv(req: NextRequest): boolean {
  return (req.headers.get("accept") ?? "").includes("text/csv") || req.nextUrl.searchParams.get("format") === "csv";
}
