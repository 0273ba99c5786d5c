/**
 * Cross-origin requests riding on the session cookie (CSRF). A browser names where a request comes
 * from (`Sec-Fetch-Site`, `Origin`); a page of another origin — another site, or another port or
 * subdomain of this one, which the SameSite=Lax cookie does not stop — can still send "simple"
 * requests: a POST with a form (urlencoded, multipart), text/plain or no body. So a state-changing
 * request authenticated by the session cookie is refused (403) when:
 * - `Sec-Fetch-Site` is there and is not `same-origin`, or
 * - `Origin` is there and is not this app's host, or
 * - neither is there (an old browser, or a client that strips them) and it is a POST a page could send
 *   without asking: a CORS-safelisted content type or none. JSON — and every other type, text/csv,
 *   XLSX, X12 — needs a CORS preflight, which this app never grants, so scripts sending those work.
 * API tokens are not sent by browsers on their own: token-authenticated calls are not checked.
 */
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** What a cross-origin page may POST without a preflight (Fetch standard, CORS-safelisted request headers). */
const SIMPLE_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);

export function crossOriginRefusal(req: Request, viewer: Pick<Viewer, "via">): AppError | null {
  if (viewer.via !== "session" || SAFE_METHODS.has(req.method)) return null;
  const refused = (why: string) =>
    new AppError("forbidden", `Cross-origin request refused (${why}): a change made with the session cookie must come from this app's own pages. Scripts use an API token or send JSON.`);
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" ? null : refused(`Sec-Fetch-Site: ${site}`);
  const origin = req.headers.get("origin");
  if (origin !== null) return isOwnOrigin(origin, req) ? null : refused(`Origin: ${origin}`);
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (req.method === "POST" && (type === "" || SIMPLE_TYPES.has(type))) return refused(`no Origin, content type ${type || "none"}`);
  return null;
}

/** Throws the 403 of {@link crossOriginRefusal}. */
export function assertSameOrigin(req: Request, viewer: Pick<Viewer, "via">): void {
  const refusal = crossOriginRefusal(req, viewer);
  if (refusal) throw refusal;
}

/** The Origin's host is the one the request was sent to (behind a proxy: the host it forwarded). */
function isOwnOrigin(origin: string, req: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, data: URLs) and anything unparsable
  }
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return host === (forwarded || req.headers.get("host"));
}
