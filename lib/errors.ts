/** Errors the data layer raises on purpose; route handlers and actions map them to the API's codes. */
export type AppErrorCode =
  | "validation_failed"
  | "idempotency_key_missing"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "payload_too_large"
  | "request_timeout"
  | "idempotency_mismatch"
  | "rate_limited"
  | "internal"
  | "database_unavailable";

export const STATUS_OF: Record<AppErrorCode, number> = {
  validation_failed: 400,
  idempotency_key_missing: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  request_timeout: 408,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
  database_unavailable: 503,
};

export interface Issue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: Issue[];
  readonly details?: Record<string, unknown>;
  constructor(code: AppErrorCode, message: string, issues: Issue[] = [], details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
  get status() {
    return STATUS_OF[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (what = "Your role may not do this") => new AppError("forbidden", what);
export const unauthenticated = () => new AppError("unauthenticated", "Sign in or send a valid API token");
export const validationFailed = (message: string, issues: Issue[] = []) =>
  new AppError("validation_failed", message, issues);

/**
 * A write based on a version of a record that is no longer the current one (a stale `If-Match`, or
 * a form opened before someone else saved): nothing was changed. `version` is the current one.
 */
export class StaleVersion extends AppError {
  constructor(
    what: string,
    readonly version: number,
  ) {
    super("precondition_failed", `${what} was changed by someone else after you opened it, so nothing was saved. Look at the current version and make your change again.`, [], { version });
  }
}

/** Throws {@link StaleVersion} when an expected version was given and is not the current one. */
export function checkVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw new StaleVersion(what, current);
}

/** What a caller is told when the database cannot be reached: nothing half-stored, try again. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is not reachable right now, so nothing was stored. Try again in a moment.";

/** postgres.js's own codes for a lost or refused connection, and the socket errors beneath them. */
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED", "CONNECT_TIMEOUT",
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
]);

/**
 * True when `error` (or its cause: drizzle wraps driver errors in `DrizzleQueryError`, whose message
 * holds the SQL) says the database went away: a dropped or refused connection, or Postgres shutting
 * down / starting up (SQLSTATE class 08, 57P01–57P03). A transaction cut this way never committed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code)) return true;
  }
  return false;
}

/** The database outage as an AppError (503 `database_unavailable`), else null. Never carries the SQL or stack. */
export function databaseUnavailable(error: unknown): AppError | null {
  return isDatabaseUnavailable(error) ? new AppError("database_unavailable", DATABASE_UNAVAILABLE_MESSAGE) : null;
}
