import { NextResponse } from "next/server";
import { apiRoute, readBodyLimited } from "@/lib/http/api-route";
import { loadSellIn } from "@/lib/dal/sell-in/load-sell-in";
import { requireRole } from "@/lib/dal/authorize";

const MAX_BYTES = 50 * 1024 * 1024;

export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["admin", "channel_manager"]);
  const text = await readBodyLimited(req, MAX_BYTES);
  return NextResponse.json(await loadSellIn(db, viewer, text));
}, { maxBody: MAX_BYTES });
