import { withViewerDb } from "@/lib/auth/viewer-db";
import { getViewer } from "@/lib/auth/current-viewer";
import { claimResponse, type ClaimResponseFormat } from "@/lib/dal/claims/claim-response";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

function plain(status: number, text: string): Response {
  return new Response(text + "\n", {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}

const FORMATS: readonly ClaimResponseFormat[] = ["x12", "csv"];

/**
 * GET /my-claims/{id}/response?format=x12|csv[&revision=N] — the manufacturer's answer to one of the
 * signed-in distributor's claims: the X12 849 or the payables CSV. Distributor users only (staff have
 * the claims queue); another distributor's claim is a 404, exactly like one that does not exist.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const q = new URL(req.url).searchParams;
  const format = (q.get("format") ?? "x12") as ClaimResponseFormat;
  const revision = q.get("revision");
  if (!FORMATS.includes(format)) return plain(400, "format is x12 or csv.");
  if (revision !== null && !/^[1-9]\d{0,5}$/.test(revision)) return plain(404, "Not found.");
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Sign in to download this file.");
  if (viewer.role !== "distributor") return plain(403, "This download is for distributor users; staff find the answer in the claims queue.");
  try {
    const file = await withViewerDb(viewer, (db) => claimResponse(db, viewer, id, format, { revision: revision === null ? null : Number(revision) }));
    return new Response(file.body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "unauthenticated") return plain(401, "Sign in to download this file.");
      if (error.code === "not_found" || error.code === "validation_failed" || error.code === "forbidden") return plain(404, "Not found.");
    }
    console.error("[claim response] unexpected error", error);
    return plain(500, "Something went wrong on our side. Try again.");
  }
}
