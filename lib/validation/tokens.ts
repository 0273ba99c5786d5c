import type { ActionState } from "./action-state";
/** API token schemas: shared by the settings page's form, its server action and `POST /api/v1/tokens`. */
import { z } from "zod";

export const MAX_ACTIVE_TOKENS = 25;

export const createTokenSchema = z.object({
  name: z
    .string({ error: "Name the token (e.g. the system that will use it)" })
    .trim()
    .min(1, "Name the token (e.g. the system that will use it)")
    .max(100, "A token name is at most 100 characters"),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const tokenIdSchema = z.uuid("Not a token id");

// ---- What the token screen's server actions answer (app/(portal)/settings/tokens/actions.ts) ----------

/** The secret comes back from the create action exactly once and is never stored in plain text. */
export interface CreatedTokenData {
  id: string;
  name: string;
  prefix: string;
  secret: string;
}

export type CreateTokenState = ActionState<{ name: string }, CreatedTokenData>;
export type CreateTokenAction = (state: CreateTokenState, formData: FormData) => Promise<CreateTokenState>;

export type RevokeTokenState = ActionState<{ id: string }, { id: string }>;
export type RevokeTokenAction = (state: RevokeTokenState, formData: FormData) => Promise<RevokeTokenState>;
