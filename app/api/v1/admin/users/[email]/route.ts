import { apiRoute, parseJson } from "@/lib/http/api-route";
import { ifMatchVersion, staleResponse, withEtag } from "@/lib/http/etag";
import { getUser, updateUser } from "@/lib/dal/admin/update-user";
import { updateUserSchema } from "@/lib/validation/admin";
import { requireRole } from "@/lib/dal/authorize";
import { StaleVersion } from "@/lib/errors";

/** GET the user (admins), `ETag` its version. */
export const GET = apiRoute<{ email: string }>(async ({ db, viewer, params }) => {
  const user = await getUser(db, viewer, decodeURIComponent(params.email));
  return withEtag(user, user.version);
});

/** `{ name?, role?, active?, password? }`; a stale `If-Match` is 412 with the current user. */
export const PATCH = apiRoute<{ email: string }>(async ({ req, db, viewer, params }) => {
  requireRole(viewer, ["admin"]);
  const input = await parseJson(req, updateUserSchema);
  const email = decodeURIComponent(params.email);
  try {
    const user = await updateUser(db, viewer, email, input, ifMatchVersion(req));
    return withEtag(user, user.version);
  } catch (error) {
    if (error instanceof StaleVersion) return staleResponse(error, await getUser(db, viewer, email));
    throw error;
  }
});
