import type { ZodError } from "zod";
import type { Issue } from "@/lib/errors";

/** Zod issues as the API's `{ path: "lines.3.sold", message }`. */
export function zodIssuesOf(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}
