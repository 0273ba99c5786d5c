import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/http/openapi";

/** Public: the OpenAPI 3.1 description of this API. */
export function GET() {
  return NextResponse.json(openApiDocument());
}
