import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { loadSellIn } from "@/lib/dal/sell-in/load-sell-in";
import { requireRole } from "@/lib/dal/authorize";
import { AppError } from "@/lib/errors";

const MAX_BYTES = 50 * 1024 * 1024;

export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["admin", "channel_manager"]);
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) throw new AppError("payload_too_large", "Sell-in files are limited to 50 MB per request");
  const text = await req.text();
  if (text.length > MAX_BYTES) throw new AppError("payload_too_large", "Sell-in files are limited to 50 MB per request");
  return NextResponse.json(await loadSellIn(db, viewer, text));
});
