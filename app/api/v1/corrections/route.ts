import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listApprovalQueue } from "@/lib/dal/corrections/approval-queue";

/** The approval queue: every proposed correction on an open or investigating exception, oldest first (staff). */
export const GET = apiRoute(async ({ db, viewer }) => NextResponse.json({ corrections: await listApprovalQueue(db, viewer) }));
