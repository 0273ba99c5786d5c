import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { notFound } from "@/lib/errors";
import { proposeOverride } from "@/lib/dal/claims/overrides";
import type { OverrideBody } from "@/lib/validation/claims";

/**
 * POST /api/v1/claims/{id}/lines/{line}/override `{ outcome, approvedQuantity, approvedAmount, note }`
 * (rebate analyst, admin) → 201 `{ id, status: "applied" | "proposed", needsSecondApprover, limit }`:
 * an override paying more than the settings' limit waits for a second person
 * (`POST /api/v1/claim-overrides/{id}/approve|reject`); otherwise it applies at once.
 */
export const POST = apiRoute<{ id: string; line: string }>(async ({ req, db, viewer, params }) => {
  if (!/^\d{1,6}$/.test(params.line)) throw notFound("No such claim line");
  const body = (await readJson(req)) as OverrideBody;
  return NextResponse.json(await proposeOverride(db, viewer, params.id, Number(params.line), body), { status: 201 });
});
