import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { reopenPeriod } from "@/lib/dal/periods/close-period";

export const dynamic = "force-dynamic";

/** POST /api/v1/periods/{period}/reopen → { period, state: "open", closedAt: null, closedBy: null } (channel manager, admin). */
export const POST = apiRoute<{ period: string }>(async ({ db, viewer, params }) => NextResponse.json(await reopenPeriod(db, viewer, params.period)));
