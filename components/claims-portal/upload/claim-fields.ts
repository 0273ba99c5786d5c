import type { ClaimField } from "@/lib/imports/claims/claim-columns";

/** A claim field as the mapping step names it (from lib/imports/claims, handed over by the page). */
export interface ClaimFieldInfo {
  field: ClaimField;
  label: string;
  required: boolean;
}

export type ClaimColumnChoice = Partial<Record<ClaimField, number | null>>;
