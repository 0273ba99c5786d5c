import { NextResponse } from "next/server";
import { apiStreamRoute, searchParamsObject } from "@/lib/http/api-route";
import { bodyLimits } from "@/lib/http/read-body";
import { maxUploadBytes, prepareUpload, readUpload } from "@/lib/dal/uploads/ingest-upload";
import { startReceiving } from "@/lib/http/receive-body";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * POST /api/v1/uploads?period=YYYY-MM[&mapping=…&kind=…&dateOrder=…&sheet=…&duplicates=keep|drop&packSizes={"SKU":n}&combine=<uploadId>,…&replaces=…&fileName=…]
 * Multipart field `file` (other options may also be form fields) or a raw body (text/csv,
 * text/tab-separated-values, the XLSX type, application/edi-x12). Distributors only (staff 403).
 *
 * The caller is resolved and the upload prepared in one short transaction (a closed period → 409
 * before a byte is read); then the body is spooled to a temp file as it arrives (size limit
 * SELLTHRU_MAX_UPLOAD_MB → 413; too slow → 408) while the parser already reads it, with no
 * transaction open; the upload and its POS lines are stored in one transaction once the body is in
 * (`lib/dal/uploads/ingest-upload.ts`). The temp file is deleted on every path.
 * → 200 `{ uploadId, format, kind, rowsRead, rowsAccepted, errors, unknownParts, lines, needs?, outOfPeriod, duplicates, credits, skipped, … }`
 */
export const POST = apiStreamRoute(async ({ req, db, viewer }) => {
  const query = searchParamsObject(req);
  const prepared = await prepareUpload(db, viewer, query);
  return async ({ later }) => {
    const maxBytes = maxUploadBytes();
    const reception = startReceiving(req, bodyLimits("upload", maxBytes));
    try {
      await reception.started;
      // Options sent as form fields before the file are known now; fields after it could change the
      // reading: then the file is read again, complete, with every option (see below).
      const early = { ...query, ...reception.fields };
      const read = (options: Record<string, unknown>, growing: boolean) =>
        readUpload(prepared, later, {
          options,
          source: () => reception.follow(),
          size: () => reception.size(),
          declared: reception.declared ?? undefined,
          complete: growing ? reception.done : undefined,
          file: reception.path,
          fileName: reception.fileName ?? (typeof options.fileName === "string" ? options.fileName : null),
          maxBytes,
          abort: (e) => reception.abort(e),
        });
      // readUpload settles only after the body has (its parser follows the body to its end or error).
      const answer = await read(early, true);
      await reception.done;
      const final = { ...query, ...reception.fields };
      if (JSON.stringify(final) === JSON.stringify(early)) return NextResponse.json(answer);
      // Late fields: that first reading is discarded (the same upload id is never shown) and the file read again.
      return NextResponse.json(await read({ ...final, replaces: answer.uploadId }, false));
    } catch (e) {
      reception.abort(e);
      await reception.done.catch(() => {});
      throw e;
    } finally {
      await reception.dispose();
    }
  };
});
