import { withViewerDb } from "@/lib/auth/viewer-db";
import { getViewer } from "@/lib/auth/current-viewer";
import { requireStaff } from "@/lib/dal/authorize";
import { claimResponse } from "@/lib/dal/claims/claim-response";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

function plain(status: number, text: string): Response {
  return new Response(text + "\n", {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}

/**
 * GET /claims/{id}/response?format=x12|csv[&revision=N] — the screen's downloads of the answer to a
 * claim: the X12 849 the distributor's system reads, or the CSV for payables (the same files as
 * `GET /api/v1/claims/{id}/response`, which chooses by Accept header). Staff only.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const url = new URL(req.url);
  const format = url.searchParams.get("format");
  if (format !== "x12" && format !== "csv") return plain(404, "Not found: format is x12 or csv.");
  const rev = url.searchParams.get("revision");
  if (rev !== null && !/^[1-9]\d{0,8}$/.test(rev)) return plain(404, "Not found.");
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Sign in to download this file.");
  try {
    requireStaff(viewer);
    const file = await withViewerDb(viewer, (db) => claimResponse(db, viewer, id, format, { revision: rev === null ? null : Number(rev) }));
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "unauthenticated") return plain(401, "Sign in to download this file.");
      if (error.code === "not_found" || error.code === "forbidden" || error.code === "validation_failed") return plain(404, "Not found.");
    }
    console.error("[claim response] unexpected error", error);
    return plain(500, "Something went wrong on our side. Try again.");
  }
}
