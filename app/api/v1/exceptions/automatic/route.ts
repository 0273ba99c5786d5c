import { NextResponse } from "next/server";
import { apiRoute, readOptionalJson } from "@/lib/http/api-route";
import { openAutomaticExceptions } from "@/lib/dal/exceptions/open-exception";
import { requireExceptionWorker } from "@/lib/dal/exceptions/shared";
import { automaticOpenSchema } from "@/lib/validation/exceptions";

/** Opens exceptions for every row of a period above the thresholds (idempotent). Body `{ period? }`. */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireExceptionWorker(viewer);
  const raw = await readOptionalJson(req);
  const input = automaticOpenSchema.parse(raw);
  const res = await openAutomaticExceptions(db, input);
  return NextResponse.json({ period: res.period, opened: res.opened.length, ids: res.opened });
});
