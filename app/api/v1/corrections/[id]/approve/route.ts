import { NextResponse } from "next/server";
import { apiRoute, errorResponse, readOptionalJson } from "@/lib/http/api-route";
import { approveSchema } from "@/lib/validation/exceptions";
import { AuditedRefusal, approveCorrection, settleRefusal } from "@/lib/dal/corrections/corrections";


/**
 * Approval by another staff user than the proposer (the proposer gets 403, as does an approver the
 * proposer created or changed within a day, or the reverse: audited, so answered without a rollback).
 * Body `{ note? }` is optional; `exceptionResolved` says whether the approval resolved the exception.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  const input = approveSchema.parse(await readOptionalJson(req));
  const outcome = await settleRefusal(approveCorrection(db, viewer, params.id, input));
  return outcome instanceof AuditedRefusal ? errorResponse(outcome) : NextResponse.json(outcome);
});
