import { NextResponse } from "next/server";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors";
import { listOutbox } from "@/lib/dal/reminders/list-outbox";
import { remindSelected } from "@/lib/dal/reminders/remind-selected";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET /api/v1/compliance/reminders[?distributor=CODE] → { rows: outbox messages, newest first } (staff). */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const distributor = req.nextUrl.searchParams.get("distributor") ?? undefined;
  const rows = await listOutbox(db, viewer, { distributor });
  return NextResponse.json({ rows: rows.filter((r) => r.dedupeKey.startsWith("reminder:")) });
});

/**
 * POST /api/v1/compliance/reminders with `Idempotency-Key` and `{ distributors: [CODE], period? }` →
 * 201 `{ period, queued, duplicates, noRecipients }`. The key makes a retry queue nothing new.
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  const key = req.headers.get("idempotency-key")?.trim();
  if (!key) throw new AppError("idempotency_key_missing", "Send an Idempotency-Key header so a retry cannot remind twice; nothing was queued");
  const body = await parseJson(req, z.object({ distributors: z.array(z.string()), period: z.string().optional() }));
  const requestId = key.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64).padEnd(8, "0");
  const r = await remindSelected(db, viewer, { ...body, requestId });
  return NextResponse.json(r, { status: 201 });
});
