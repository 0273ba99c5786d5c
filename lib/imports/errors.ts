/**
 * A whole-file failure. Row-level problems are never thrown: they are listed in the result.
 * Suggested HTTP mapping: too_large → 413 payload_too_large, everything else → 400.
 */
export type ImportErrorCode =
  /** Over the byte limit, or an XLSX whose unpacked size/entries/ratio exceed the zip-bomb limits. */
  | "too_large"
  /** Unreadable: broken ZIP, broken X12 envelope, malformed structure. */
  | "corrupt"
  /** Readable but not a format we take (legacy .xls, PDF, an X12 transaction set other than 852/867). */
  | "unsupported"
  /** No data at all. */
  | "empty"
  /** Bad options passed by the caller (period, mapping, sheet name…). */
  | "invalid_options";

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ImportErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ImportError";
    this.code = code;
    this.details = details;
  }
}

export const isImportError = (e: unknown): e is ImportError => e instanceof ImportError;

/**
 * Wraps anything a library throws into a clear "corrupt" error (never an unhandled exception). The
 * library's own text (a SAX parser's "attribute without value", a stack) is not shown to the person
 * uploading: it explains nothing to them and tells an attacker which library and version runs here.
 */
export function asCorrupt(e: unknown, what: string): ImportError {
  if (e instanceof ImportError) return e;
  return new ImportError("corrupt", `${what} could not be read: its contents are damaged or not in a format we know. Open it in its program, save it again and re-upload.`);
}
