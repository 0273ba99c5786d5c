import { NextResponse } from "next/server";
import { apiRoute, errorBody } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors";
import { claimResponse, type ClaimResponseFormat } from "@/lib/dal/claims/claim-response";

export const dynamic = "force-dynamic";

/** `?format=x12|csv` (a link) wins over `Accept`. */
function formatOf(req: Request, format: string | null): ClaimResponseFormat | null {
  if (format === "x12" || format === "849") return "x12";
  if (format === "csv") return "csv";
  if (format) throw new AppError("validation_failed", "format is x12 or csv", [{ path: "format", message: "x12 or csv" }]);
  const accept = (req.headers.get("accept") ?? "").toLowerCase();
  if (accept.includes("application/edi-x12")) return "x12";
  if (accept.includes("text/csv")) return "csv";
  return null;
}

/**
 * GET /api/v1/claims/{id}/response[?revision=N] — the manufacturer's answer as a file:
 * `Accept: application/edi-x12` → X12 849, `Accept: text/csv` → the payables CSV (formula-safe);
 * anything else 406 `not_acceptable`. Another distributor's claim is a 404.
 */
export const GET = apiRoute<{ id: string }>(async ({ req, db, viewer, params }) => {
  const format = formatOf(req, req.nextUrl.searchParams.get("format"));
  if (!format) {
    return NextResponse.json(errorBody("not_acceptable", "Ask for Accept: application/edi-x12 (an X12 849) or Accept: text/csv (or ?format=x12|csv)"), { status: 406 });
  }
  const rev = req.nextUrl.searchParams.get("revision");
  const revision = rev === null ? null : /^\d{1,6}$/.test(rev) && Number(rev) > 0 ? Number(rev) : NaN;
  if (Number.isNaN(revision)) throw new AppError("validation_failed", "revision is a revision number (1, 2, …)", [{ path: "revision", message: "A whole number from 1" }]);
  const file = await claimResponse(db, viewer, params.id, format, { revision });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
