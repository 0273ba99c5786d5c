/**
 * Optimistic concurrency for editable records (API.md "Additions": exceptions, rebate programmes,
 * users, settings): each carries a version, answered as a strong `ETag: "<version>"`. A PATCH with
 * `If-Match` is applied only to that version; a stale one is 412 `precondition_failed` with the
 * current state in `error.details.current` and its ETag. Without If-Match the write goes through (the
 * contract's PATCH came first); the app's own screens always send the version they showed.
 */
import { NextResponse } from "next/server";
import { errorBody } from "./api-route";
import type { StaleVersion } from "@/lib/errors";

export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` header asks for: undefined when there is none (or `*`: any current
 * version), else the first strong `"<n>"` tag; a header naming nothing we could have sent (a weak or
 * foreign tag) is -1, which matches no version (412).
 */
export function ifMatchVersion(req: Request): number | undefined {
  const h = req.headers.get("if-match");
  if (h === null || h.trim() === "*") return undefined;
  const m = /(?:^|,)\s*"(\d{1,9})"/.exec(h);
  return m ? Number(m[1]) : -1;
}

/** A JSON answer carrying the record's ETag. */
export function withEtag(body: unknown, version: number, init: ResponseInit = {}): NextResponse {
  const res = NextResponse.json(body, init);
  res.headers.set("etag", etagOf(version));
  return res;
}

/** The 412 for a stale version: the error, the record as it is now, and its ETag. */
export function staleResponse(error: StaleVersion, current: unknown): NextResponse {
  return withEtag(errorBody(error.code, error.message, [], { version: error.version, current }), error.version, { status: 412 });
}
