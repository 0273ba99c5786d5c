import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, errorBody, searchParamsObject } from "@/lib/http/api-route";
import { isStaff } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { resolveDistributor } from "@/lib/dal/authorize";
import { claimBodyFromFile, parseClaimMapping } from "@/lib/dal/claims/claim-file";
import { getClaim, listClaims } from "@/lib/dal/claims/read-claims";
import { submitClaim } from "@/lib/dal/claims/submit-claim";
import { claimIdempotencyKey, completeIdempotencyKey, requestHash } from "@/lib/dal/submissions/idempotency";
import { periodSchema } from "@/lib/validation/common";
import { idempotencyKeySchema } from "@/lib/validation/submission";
import type { ClaimBody } from "@/lib/validation/claims";
import { claimJson } from "./claim-json";
import { readClaimRequest } from "./claim-request";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** A claim of 200,000 lines as JSON, or its file. */
const MAX_BYTES = 64 * 1024 * 1024;
/** Replays of larger claims read the stored revision again instead of keeping the whole answer with the key. */
const KEEP_ANSWER_LINES = 2_000;

const listQuery = z.object({
  distributor: z.string().trim().min(1).max(12).optional(),
  period: periodSchema.optional(),
  awaiting: z.enum(["1", "0", "true", "false"], { error: "awaiting is 1 or 0" }).optional(),
  limit: z.coerce.number().int().min(1).max(2000).optional(),
});

/** GET /api/v1/claims[?distributor=&period=&awaiting=1&limit=] — newest period first; a distributor sees its own (another's code → 404). */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const q = listQuery.parse(searchParamsObject(req));
  if (q.distributor) await resolveDistributor(db, viewer, q.distributor);
  const claims = await listClaims(db, viewer, { distributorCode: q.distributor, period: q.period, awaiting: q.awaiting === "1" || q.awaiting === "true", limit: q.limit });
  return NextResponse.json({ claims });
});

/**
 * POST /api/v1/claims with `Idempotency-Key` (required): a JSON claim body, or a claim file (X12 844,
 * CSV/TSV, XLSX) read into one. → 201 the stored claim with every line's outcome; a file's answer adds
 * `file: { format, periodSource, claimDate, mappingSaved, warnings }`. A file that needs an answer is
 * 422 `file_needs_answer` with `needs`; one with unreadable lines is 422 `file_has_errors` with
 * `errors: [{ line, field?, segment?, message }]` — nothing is stored either way. The same key and
 * request again answer the first answer byte for byte and store nothing.
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  const rawKey = req.headers.get("idempotency-key");
  if (!rawKey || !rawKey.trim()) {
    throw new AppError("idempotency_key_missing", "Send an Idempotency-Key header (e.g. a new UUID per claim) so a retry cannot store it twice; nothing was stored");
  }
  const key = idempotencyKeySchema.safeParse(rawKey);
  if (!key.success) throw new AppError("validation_failed", key.error.issues[0]!.message, [{ path: "Idempotency-Key", message: key.error.issues[0]!.message }]);
  const incoming = await readClaimRequest(req);
  const o = incoming.options;
  const claim = { userId: viewer.userId, key: key.data, scope: "claim", requestHash: requestHash(incoming.hash) };
  const { replay } = await claimIdempotencyKey(db, claim);
  if (replay) return replayed(db, viewer, replay.response);

  let body: ClaimBody;
  let file: Record<string, unknown> | null = null;
  if (incoming.kind === "json") body = incoming.body as ClaimBody;
  else {
    const read = await claimBodyFromFile(db, viewer, {
      bytes: incoming.bytes, fileName: incoming.fileName, period: o.period, mapping: parseClaimMapping(o.mapping), dateOrder: o.dateOrder,
      sheet: o.sheet, distributorCode: o.distributor, reference: o.reference, claim: o.claim, maxBytes: MAX_BYTES,
    });
    if (read.kind === "needs") {
      return NextResponse.json({
        ...errorBody("file_needs_answer", `The file needs an answer before it can be read (${read.needs.map((n) => n.kind).join(", ")}): send it again with ${read.needs.map((n) => (n.kind === "mapping" ? "mapping" : "dateOrder")).join(" and ")}; nothing was stored`),
        format: read.format, needs: read.needs, headers: read.headers, warnings: read.warnings,
      }, { status: 422 });
    }
    if (read.kind === "errors") {
      const shown = read.errors.slice(0, 1000);
      return NextResponse.json({
        ...errorBody("file_has_errors", `${read.errors.length} line${read.errors.length === 1 ? "" : "s"} of the file cannot be read; nothing was stored`,
          shown.map((e) => ({ path: `line ${e.line}${e.field ? `.${e.field}` : e.segment ? `.${e.segment}` : ""}`, message: e.message }))),
        format: read.format, errors: shown, errorCount: read.errors.length, warnings: read.warnings,
      }, { status: 422 });
    }
    body = read.body;
    file = { format: read.format, periodSource: read.periodSource, claimDate: read.claimDate, mappingSaved: read.mappingSaved, warnings: read.warnings };
  }
  const source = incoming.kind === "json" ? "api" : (file!.format as "csv" | "xlsx" | "x12");
  const stored = await submitClaim(db, viewer, body, { source, fileName: incoming.kind === "file" ? incoming.fileName : null, distributorCode: o.distributor });
  const detail = await getClaim(db, viewer, stored.id, { revision: stored.revision });
  const answer = { ...claimJson(detail, isStaff(viewer)), ...(file ? { file } : {}) };
  const text = JSON.stringify(answer);
  // Kept as text (jsonb would reorder the keys): a replay answers byte for byte the same.
  await completeIdempotencyKey(db, claim, 201, detail.lines.length <= KEEP_ANSWER_LINES ? { text } : { id: stored.id, revision: stored.revision, file });
  return new NextResponse(text, { status: 201, headers: { "content-type": "application/json" } });
}, { maxBody: MAX_BYTES });

type Stored = { text: string } | { id: string; revision: number; file: Record<string, unknown> | null };

async function replayed(db: Parameters<typeof getClaim>[0], viewer: Parameters<typeof getClaim>[1], response: unknown) {
  const r = response as Stored;
  const text = "text" in r ? r.text : JSON.stringify({ ...claimJson(await getClaim(db, viewer, r.id, { revision: r.revision }), isStaff(viewer)), ...(r.file ? { file: r.file } : {}) });
  return new NextResponse(text, { status: 201, headers: { "content-type": "application/json", "idempotent-replayed": "true" } });
}
