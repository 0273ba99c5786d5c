import { NextResponse } from "next/server";
import { apiRoute, errorResponse } from "@/lib/http/api-route";
import { AuditedRefusal, approveCorrection, settleRefusal } from "@/lib/dal/corrections/corrections";

/**
 * Approval by another staff user than the proposer (the proposer gets 403, as does an approver the
 * proposer created or changed within a day, or the reverse: audited, so answered without a rollback).
 */
export const POST = apiRoute<{ id: string }>(async ({ db, viewer, params }) => {
  const outcome = await settleRefusal(approveCorrection(db, viewer, params.id));
  return outcome instanceof AuditedRefusal ? errorResponse(outcome) : NextResponse.json(outcome);
});
