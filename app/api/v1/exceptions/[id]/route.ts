import { apiRoute, parseJson } from "@/lib/http/api-route";
import { ifMatchVersion, staleResponse, withEtag } from "@/lib/http/etag";
import { getException } from "@/lib/dal/exceptions/get-exception";
import { updateException } from "@/lib/dal/exceptions/update-exception";
import { requireExceptionWorker } from "@/lib/dal/exceptions/shared";
import { StaleVersion } from "@/lib/errors";
import { updateExceptionSchema } from "@/lib/validation/exceptions";

/** One exception with its thread, corrections (staff) and the ledger row as it stands now; `ETag` is its version. */
export const GET = apiRoute<{ id: string }>(async ({ db, viewer, params }) => {
  const detail = await getException(db, viewer, params.id);
  return withEtag(detail, detail.version);
});

/** `{ status?, reason?, owner?, note? }` — each change is kept as an event. `If-Match: "<version>"` → 412 with the current state when stale. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  requireExceptionWorker(viewer);
  const input = await parseJson(req, updateExceptionSchema);
  try {
    await updateException(db, viewer, params.id, input, ifMatchVersion(req));
  } catch (error) {
    if (error instanceof StaleVersion) return staleResponse(error, await getException(db, viewer, params.id));
    throw error;
  }
  const detail = await getException(db, viewer, params.id);
  return withEtag(detail, detail.version);
});
