import type { ActionState } from "@/lib/validation/action-state";

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
