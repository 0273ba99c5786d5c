import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors";
import { openAutomaticExceptions } from "@/lib/dal/exceptions/open-exception";
import { requireExceptionWorker } from "@/lib/dal/exceptions/shared";
import { automaticOpenSchema } from "@/lib/validation/exceptions";

/** Opens exceptions for every row of a period above the thresholds (idempotent). Body `{ period? }`. */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireExceptionWorker(viewer);
  const text = await req.text();
  let raw: unknown = {};
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new AppError("validation_failed", "The body is not valid JSON");
  }
  const input = automaticOpenSchema.parse(raw);
  const res = await openAutomaticExceptions(db, input);
  return NextResponse.json({ period: res.period, opened: res.opened.length, ids: res.opened });
});
