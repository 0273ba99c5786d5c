import { withViewerDb } from "@/lib/auth/viewer-db";
import { getViewer } from "@/lib/auth/current-viewer";
import { getRevision } from "@/lib/dal/submissions/get-revision";
import { AppError } from "@/lib/errors";
import { csvResponse, toCsv } from "@/lib/http/csv";

export const dynamic = "force-dynamic";

const HEADER = ["sku", "description", "sold", "returned", "onHand", "note"];

function plain(status: number, text: string): Response {
  return new Response(text + "\n", {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}

/**
 * GET /history/{period}/{revision}/csv — what was submitted in one revision, as CSV (formula-safe
 * cells). Scoped to the signed-in distributor by the data layer: another distributor's revision is
 * a 404, exactly like one that does not exist.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ period: string; revision: string }> }): Promise<Response> {
  const { period, revision } = await ctx.params;
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Sign in to download this file.");
  if (!/^[1-9]\d{0,8}$/.test(revision)) return plain(404, "Not found.");
  try {
    const detail = await withViewerDb(viewer, (db) => getRevision(db, viewer, { period, revision: Number(revision) }));
    const body = toCsv(
      HEADER,
      detail.lines.map((l) => [l.sku, l.description, l.sold, l.returned, l.onHand, l.note ?? ""]),
    );
    const res = csvResponse(body, `sellthru-${detail.distributor.code}-${detail.period}-revision-${detail.revision}.csv`);
    res.headers.set("cache-control", "private, no-store");
    return res;
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "unauthenticated") return plain(401, "Sign in to download this file.");
      if (error.code === "not_found" || error.code === "validation_failed" || error.code === "forbidden") return plain(404, "Not found.");
    }
    console.error("[history csv] unexpected error", error);
    return plain(500, "Something went wrong on our side. Try again.");
  }
}
