import fs from "node:fs";
import { NextResponse } from "next/server";
import { apiRoute, searchParamsObject } from "@/lib/http/api-route";
import { requireRole } from "@/lib/dal/authorize";
import { ingestUpload, maxUploadBytes } from "@/lib/dal/uploads/ingest-upload";
import { receiveUpload } from "@/lib/dal/uploads/receive-body";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * POST /api/v1/uploads?period=YYYY-MM[&mapping=…&kind=…&dateOrder=…&sheet=…&replaces=…&fileName=…]
 * Multipart field `file` (other options may also be form fields) or a raw body (text/csv,
 * text/tab-separated-values, the XLSX type, application/edi-x12). Distributors only (staff 403).
 * The body is spooled to a temp file while it arrives (size limit SELLTHRU_MAX_UPLOAD_MB → 413), then
 * streamed through the parser; the upload and its POS lines are stored in one transaction.
 * → 200 `{ uploadId, format, kind, rowsRead, rowsAccepted, errors, unknownParts, lines, needs?, outOfPeriod, duplicates, credits, skipped, … }`
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  requireRole(viewer, ["distributor"]);
  const maxBytes = maxUploadBytes();
  const received = await receiveUpload(req, maxBytes);
  try {
    const options = { ...searchParamsObject(req), ...received.fields };
    const answer = await ingestUpload(db, viewer, {
      options,
      source: () => fs.createReadStream(received.path, { highWaterMark: 1024 * 1024 }),
      bytes: received.bytes,
      file: received.path,
      fileName: received.fileName ?? (typeof options.fileName === "string" ? options.fileName : null),
      maxBytes,
    });
    return NextResponse.json(answer);
  } finally {
    await received.dispose();
  }
});
