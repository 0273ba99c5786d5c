import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { closePeriod } from "@/lib/dal/periods/close-period";

export const dynamic = "force-dynamic";

/** POST /api/v1/periods/{period}/close → { period, state: "closed", closedAt, closedBy } (channel manager, admin). */
export const POST = apiRoute<{ period: string }>(async ({ db, viewer, params }) => {
  return NextResponse.json(await closePeriod(db, viewer, params.period));
});
