import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listPeriods } from "@/lib/dal/periods/list-periods";

export const GET = apiRoute(async ({ db, viewer }) => NextResponse.json(await listPeriods(db, viewer)));
