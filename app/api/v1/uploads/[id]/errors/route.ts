import { apiRoute, } from "@/lib/http/api-route";
import { csvResponse } from "@/lib/http/csv";
import { getUpload, rejectedRowsCsv } from "@/lib/dal/uploads/get-upload";

export const dynamic = "force-dynamic";

/** GET /api/v1/uploads/{id}/errors — rejected and set-aside rows as CSV (line, status, column, reason), formula-safe. */
export const GET = apiRoute<{ id: string }>(async ({ db, viewer, params }) => {
  const { answer } = await getUpload(db, viewer, params.id);
  const base = (answer.fileName ?? "upload").replace(/\.[^.]+$/, "");
  return csvResponse(rejectedRowsCsv(answer), `${base}-rejected-rows.csv`);
});
