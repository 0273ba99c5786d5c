"use server";

import { runAction } from "@/lib/auth/action";
import { createApiToken } from "@/lib/dal/tokens/create-api-token";
import { revokeApiToken } from "@/lib/dal/tokens/revoke-api-token";
import { createTokenSchema, MAX_ACTIVE_TOKENS, type CreateTokenState, type RevokeTokenState } from "@/lib/validation/tokens";
import { formDataOf } from "@/lib/validation/form-data";

const SIGNED_OUT = "Your session has ended. Sign in again to manage API tokens.";
const SESSION_ONLY = "API tokens can only be managed from a signed-in session.";

/** Creates a token for the signed-in user; the secret is in the answer once and nowhere else. */
export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const rawName = formDataOf(formData).get("name");
  return runAction(
    {
      name: "create-token",
      schema: createTokenSchema,
      input: { name: rawName ?? undefined },
      values: { name: typeof rawName === "string" ? rawName : "" },
      revalidate: ["/settings/tokens"],
      messages: {
        unauthenticated: SIGNED_OUT,
        forbidden: SESSION_ONLY,
        validation_failed: "Check the token name.",
        conflict: `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use, then create the new one.`,
        internal: "The token could not be created. Try again in a moment.",
      },
    },
    async ({ db, viewer, input }) => {
      const token = await createApiToken(db, viewer, input);
      return { data: { id: token.id, name: token.name, prefix: token.prefix, secret: token.secret } };
    },
  );
}

/** Revokes one of the signed-in user's own tokens; it stops working at once. */
export async function revokeTokenAction(_prev: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const rawId = formDataOf(formData).get("id");
  const id = typeof rawId === "string" ? rawId : "";
  return runAction(
    {
      name: "revoke-token",
      values: { id },
      revalidate: ["/settings/tokens"],
      messages: {
        unauthenticated: SIGNED_OUT,
        forbidden: SESSION_ONLY,
        not_found: "That token no longer exists. The list has been refreshed.",
        internal: "The token could not be revoked. Try again in a moment.",
      },
    },
    async ({ db, viewer }) => ({ data: { id: (await revokeApiToken(db, viewer, id)).id } }),
  );
}
