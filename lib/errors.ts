/** Errors the data layer raises on purpose; route handlers and actions map them to the API's codes. */
export type AppErrorCode =
  | "validation_failed"
  | "idempotency_key_missing"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "idempotency_mismatch"
  | "rate_limited"
  | "internal";

export const STATUS_OF: Record<AppErrorCode, number> = {
  validation_failed: 400,
  idempotency_key_missing: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
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
