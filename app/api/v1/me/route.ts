import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ viewer }) =>
  NextResponse.json({
    user: { id: viewer.userId, email: viewer.email, name: viewer.name },
    role: viewer.role,
    distributor: viewer.distributorCode ? { code: viewer.distributorCode, name: viewer.distributorName } : null,
  }),
);
