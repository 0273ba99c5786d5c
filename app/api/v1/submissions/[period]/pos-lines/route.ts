import { apiRoute, wantsCsv } from "@/lib/http/api-route";
import { csvCell } from "@/lib/http/csv";
import { findKeptPosLines, iteratePosLines, POS_LINE_FIELDS } from "@/lib/dal/uploads/list-pos-lines";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/submissions/{period}/pos-lines[?distributor=CODE] — the line-level POS kept with the
 * latest revision (from the upload it names): a JSON list, or CSV with `Accept: text/csv` (every
 * cell formula-safe). Streamed page by page. Another distributor's code → 404.
 */
export const GET = apiRoute<{ period: string }>(async ({ req, db, later, viewer, params }) => {
  const target = await findKeptPosLines(db, viewer, { period: params.period, distributorCode: req.nextUrl.searchParams.get("distributor") });
  const csv = wantsCsv(req);
  const encoder = new TextEncoder();
  // The body streams after this handler's transaction has ended: each page reads in its own.
  const pages = iteratePosLines(later, target);
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csv ? POS_LINE_FIELDS.map(csvCell).join(",") + "\r\n" : "["));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) {
          if (!csv) controller.enqueue(encoder.encode("]"));
          controller.close();
          return;
        }
        let text = "";
        for (const l of next.value) {
          if (csv) text += POS_LINE_FIELDS.map((f) => csvCell(l[f])).join(",") + "\r\n";
          else {
            text += (first ? "" : ",") + JSON.stringify(l);
            first = false;
          }
        }
        controller.enqueue(encoder.encode(text));
      } catch (e) {
        console.error("[api] pos-lines stream failed", e);
        controller.error(e);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const headers: Record<string, string> = csv
    ? {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="pos-lines-${target.distributor.code.replace(/[^A-Za-z0-9_-]/g, "_")}-${target.period}.csv"`,
        "x-content-type-options": "nosniff",
      }
    : { "content-type": "application/json; charset=utf-8" };
  if (target.revision !== null) headers["x-sellthru-revision"] = String(target.revision);
  return new Response(stream, { headers });
});
