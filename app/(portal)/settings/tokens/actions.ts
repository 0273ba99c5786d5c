"use server";

import { revalidatePath } from "next/cache";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { getViewer } from "@/lib/auth/current-viewer";
import { createApiToken } from "@/lib/dal/tokens/create-api-token";
import { revokeApiToken } from "@/lib/dal/tokens/revoke-api-token";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/action-state";
import { createTokenSchema, MAX_ACTIVE_TOKENS } from "@/lib/validation/tokens";
import type { CreateTokenState, RevokeTokenState } from "@/components/tokens/types";
import { formDataOf } from "@/lib/validation/form-data";

const SIGNED_OUT = "Your session has ended. Sign in again to manage API tokens.";

/** Creates a token for the signed-in user; the secret is in the answer once and nowhere else. */
export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  formData = formDataOf(formData);
  const rawName = formData.get("name");
  const values = { name: typeof rawName === "string" ? rawName : "" };
  const parsed = createTokenSchema.safeParse({ name: rawName ?? undefined });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };

  const viewer = await getViewer();
  if (!viewer) return { ok: false, fieldErrors: {}, formError: SIGNED_OUT, values };
  try {
    const token = await withViewerDb(viewer, (db) => createApiToken(db, viewer, parsed.data));
    revalidatePath("/settings/tokens");
    return { ok: true, data: { id: token.id, name: token.name, prefix: token.prefix, secret: token.secret } };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "validation_failed") {
        const nameIssue = error.issues.find((i) => i.path === "name");
        return { ok: false, fieldErrors: { name: [nameIssue?.message ?? "Check the token name"] }, values };
      }
      if (error.code === "conflict") {
        return {
          ok: false,
          fieldErrors: {},
          formError: `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use, then create the new one.`,
          values,
        };
      }
      if (error.code === "forbidden" || error.code === "unauthenticated") {
        return { ok: false, fieldErrors: {}, formError: "API tokens can only be managed from a signed-in session.", values };
      }
    }
    console.error("[tokens] create failed", error);
    return { ok: false, fieldErrors: {}, formError: "The token could not be created. Try again in a moment.", values };
  }
}

/** Revokes one of the signed-in user's own tokens; it stops working at once. */
export async function revokeTokenAction(_prev: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  formData = formDataOf(formData);
  const rawId = formData.get("id");
  const id = typeof rawId === "string" ? rawId : "";
  const viewer = await getViewer();
  if (!viewer) return { ok: false, fieldErrors: {}, formError: SIGNED_OUT, values: { id } };
  try {
    const token = await withViewerDb(viewer, (db) => revokeApiToken(db, viewer, id));
    revalidatePath("/settings/tokens");
    return { ok: true, data: { id: token.id } };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      revalidatePath("/settings/tokens");
      return { ok: false, fieldErrors: {}, formError: "That token no longer exists. The list has been refreshed.", values: { id } };
    }
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "unauthenticated")) {
      return { ok: false, fieldErrors: {}, formError: "API tokens can only be managed from a signed-in session.", values: { id } };
    }
    console.error("[tokens] revoke failed", error);
    return { ok: false, fieldErrors: {}, formError: "The token could not be revoked. Try again in a moment.", values: { id } };
  }
}
