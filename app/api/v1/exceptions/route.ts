import { NextResponse } from "next/server";
import { apiRoute, parseJson, searchParamsObject } from "@/lib/http/api-route";
import { listExceptions } from "@/lib/dal/exceptions/list-exceptions";
import { openException } from "@/lib/dal/exceptions/open-exception";
import { bulkUpdateExceptions } from "@/lib/dal/exceptions/update-exception";
import { requireExceptionWorker } from "@/lib/dal/exceptions/shared";
import { bulkUpdateSchema, exceptionQuerySchema, openExceptionSchema } from "@/lib/validation/exceptions";

/** Staff: all exceptions (thresholds applied to the period first); a distributor: its own, partner fields only. */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const q = exceptionQuerySchema.parse(searchParamsObject(req));
  return NextResponse.json(await listExceptions(db, viewer, q));
});

/** Opens an exception by hand: 201 when new, 200 with `created: false` when the row already has one. */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireExceptionWorker(viewer);
  const input = await parseJson(req, openExceptionSchema);
  const res = await openException(db, viewer, input);
  return NextResponse.json(res, { status: res.created ? 201 : 200 });
});

/** Bulk assign and/or status change: `{ ids, owner?, status? }`. */
export const PATCH = apiRoute(async ({ req, db, viewer }) => {
  requireExceptionWorker(viewer);
  const input = await parseJson(req, bulkUpdateSchema);
  return NextResponse.json(await bulkUpdateExceptions(db, viewer, input));
});
