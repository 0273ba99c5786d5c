import { z } from "zod";
import { createDistributorSchema, createProductSchema, createUserSchema, updateUserSchema } from "@/lib/validation/admin";
import { remindSchema } from "@/lib/validation/compliance";
import { freezeSchema, rebateProgramSchema } from "@/lib/validation/rebates";
import { approveSchema, automaticOpenSchema, bulkUpdateSchema, noteSchema, openExceptionSchema, proposeCorrectionSchema, updateExceptionSchema } from "@/lib/validation/exceptions";
import { mapPartsSchema } from "@/lib/validation/uploads";
import { submissionBodySchema } from "@/lib/validation/submission";
import { STATUS_OF } from "@/lib/errors";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers parse with.
 * Each feature adds its operations to the `operations` list below.
 */
type Op = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  bodyContentType?: string;
  query?: string[];
  headers?: string[];
  /** Headers that may be sent (If-Match on edits: a stale version is 412). */
  optionalHeaders?: string[];
  success?: number;
};

const IF_MATCH = " If-Match: \"<version>\" (the ETag of the GET) → 412 precondition_failed with error.details.current when someone changed it since.";

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });

const operations: Op[] = [
  { method: "get", path: "/api/health", summary: "Liveness and database kind (no auth)", tag: "everyone" },
  { method: "get", path: "/api/v1/me", summary: "The signed-in user, role and distributor", tag: "everyone" },
  { method: "get", path: "/api/v1/periods", summary: "Periods, newest first, with deadlines and state", tag: "everyone" },
  {
    method: "get", path: "/api/v1/gaps", tag: "staff",
    summary:
      "Calculated vs reported inventory per distributor × SKU: JSON pages with a keyset cursor; every matching row as CSV (Accept: text/csv or format=csv) or XLSX (format=xlsx), formula-safe. flag = comma-separated (any of); sort = column, '-' for descending; significant=1 = above the settings' thresholds; details=1 adds distributorName, description, family",
    query: ["period", "distributor", "family", "sku", "minAbsGap", "minGapPct", "flag", "significant", "sort", "limit", "cursor", "format", "details", "totals"],
  },
  { method: "post", path: "/api/v1/sell-in", tag: "staff", summary: "Load ERP shipment lines (CSV); idempotent per document and line", bodyContentType: "text/csv" },
  { method: "post", path: "/api/v1/admin/distributors", tag: "admin", summary: "Create a distributor", body: createDistributorSchema, success: 201 },
  { method: "post", path: "/api/v1/admin/products", tag: "admin", summary: "Create a product", body: createProductSchema, success: 201 },
  { method: "post", path: "/api/v1/admin/users", tag: "admin", summary: "Create a user", body: createUserSchema, success: 201 },
  { method: "get", path: "/api/v1/admin/users/{email}", tag: "admin", summary: "One user (no password hash), ETag its version" },
  { method: "patch", path: "/api/v1/admin/users/{email}", tag: "admin", summary: "Change or deactivate a user (a password reset or deactivation ends the user's sessions; deactivation revokes their API tokens for good)." + IF_MATCH, body: updateUserSchema, optionalHeaders: ["If-Match"] },
  // Exceptions and corrections
  { method: "get", path: "/api/v1/exceptions", tag: "staff", summary: "Exceptions (staff: all, thresholds applied to the period first; a distributor: its own)", query: ["status", "owner", "period", "distributor", "sku", "corrections", "limit"] },
  { method: "post", path: "/api/v1/exceptions", tag: "staff", summary: "Open an exception by hand on a distributor × SKU × period (200 with created: false when the row has one)", body: openExceptionSchema, success: 201 },
  { method: "patch", path: "/api/v1/exceptions", tag: "staff", summary: "Bulk assign and/or change status", body: bulkUpdateSchema },
  { method: "post", path: "/api/v1/exceptions/automatic", tag: "staff", summary: "Open exceptions for rows above the thresholds (idempotent)", body: automaticOpenSchema },
  { method: "get", path: "/api/v1/exceptions/{id}", tag: "staff", summary: "One exception: thread, corrections, ledger row now (a distributor: its own, partner fields)" },
  { method: "patch", path: "/api/v1/exceptions/{id}", tag: "staff", summary: "Change status, reason, owner; add a note." + IF_MATCH, body: updateExceptionSchema, optionalHeaders: ["If-Match"] },
  { method: "post", path: "/api/v1/exceptions/{id}/notes", tag: "distributor", summary: "Add a note (staff) or an answer (the owning distributor)", body: noteSchema, success: 201 },
  { method: "post", path: "/api/v1/exceptions/{id}/corrections", tag: "staff", summary: "Propose a signed correction", body: proposeCorrectionSchema, success: 201 },
  { method: "get", path: "/api/v1/corrections", tag: "staff", summary: "The approval queue: proposed corrections on open or investigating exceptions, with the gap now and after approval (addition, issue 16)" },
  { method: "post", path: "/api/v1/corrections/{id}/approve", tag: "staff", summary: "Approve a correction (another staff user than the proposer; the proposer gets 403). Optional body { note }; the answer's exceptionResolved says whether the row came within tolerance and the exception was resolved by correction", body: approveSchema },
  { method: "post", path: "/api/v1/corrections/{id}/reject", tag: "staff", summary: "Reject or withdraw a proposed correction" },
  // Compliance, reminders, period closing, rebates (issue 6)
  { method: "get", path: "/api/v1/compliance", tag: "staff", summary: "Compliance status per distributor × period (JSON, or CSV with Accept: text/csv); a distributor gets its own", query: ["from", "to", "distributor"] },
  { method: "get", path: "/api/v1/compliance/reminders", tag: "staff", summary: "Reminder messages in the outbox, newest first", query: ["distributor"] },
  { method: "post", path: "/api/v1/compliance/reminders", tag: "staff", summary: "Remind distributors now (one message each; a repeated Idempotency-Key queues nothing new)", body: remindSchema.omit({ requestId: true }), headers: ["Idempotency-Key"], success: 201 },
  { method: "post", path: "/api/v1/periods/{period}/close", tag: "staff", summary: "Close an ended period: submissions are then refused (409)" },
  { method: "post", path: "/api/v1/periods/{period}/reopen", tag: "staff", summary: "Reopen a closed period" },
  { method: "get", path: "/api/v1/rebates", tag: "staff", summary: "Rebate programmes and the eligibility rows of the active ones" },
  { method: "post", path: "/api/v1/rebates", tag: "staff", summary: "Create a rebate programme (rebate analyst, admin)", body: rebateProgramSchema, success: 201 },
  { method: "get", path: "/api/v1/rebates/{programId}", tag: "staff", summary: "One rebate programme" },
  { method: "patch", path: "/api/v1/rebates/{programId}", tag: "staff", summary: "Edit a rebate programme (frozen results are never altered)." + IF_MATCH, body: rebateProgramSchema, optionalHeaders: ["If-Match"] },
  { method: "get", path: "/api/v1/rebates/{programId}/eligibility", tag: "distributor", summary: "Eligibility per distributor with reasons, amount and freeze state (a distributor: its own row; CSV with Accept: text/csv)" },
  { method: "post", path: "/api/v1/rebates/{programId}/freeze", tag: "staff", summary: "Freeze results for payout (all unfrozen rows, or the distributors named)", body: freezeSchema },
  // Uploads (issue 4): distributor files in, reviewed, kept with the revision that names them
  {
    method: "post", path: "/api/v1/uploads", tag: "distributor",
    summary:
      "Read a POS or inventory file (CSV/TSV, XLSX, X12 852/867) for a period: multipart field `file`, or the raw body (text/csv, text/tab-separated-values, the XLSX type, application/edi-x12). mapping (JSON: column index → field), kind, dateOrder, sheet, duplicates (keep|drop: lines identical in every field) and packSizes (JSON: SKU → units per case) answer the parser's questions (a confirmation is remembered per header signature); replaces drops an earlier upload of the same file. → the per-SKU totals, rejected and set-aside rows, unknown parts, warnings `[{ line?, code, message }]`, coverage `{ from, to, days, periodDays, source, partial }`, codes (every X12 code and unit met, with what was done with it), needs `[{ kind: mapping | dateOrder | sheet | duplicates | unit | absentSkus, … }]` (unit: `packSizes` of products counted in cases with no pack size; absentSkus: SKUs held but left out of an inventory summary, choices keep | zero | leave) and an uploadId to submit with. A partial file lists `combinable` earlier partial uploads of the period; `combine=<id>,…` combines them into the month (sales added, on hand from the latest-dated file; `combinedWith`), files sharing a day are refused. 413 above SELLTHRU_MAX_UPLOAD_MB.",
    query: ["period", "mapping", "kind", "dateOrder", "sheet", "duplicates", "packSizes", "combine", "replaces", "fileName"],
    bodyContentType: "text/csv",
  },
  { method: "get", path: "/api/v1/uploads/{id}", tag: "distributor", summary: "The stored answer of one of your uploads (lists up to 50,000 entries each)" },
  { method: "get", path: "/api/v1/uploads/{id}/errors", tag: "distributor", summary: "Rejected and set-aside rows of an upload as CSV (line, status, column, reason), formula-safe" },
  { method: "post", path: "/api/v1/uploads/{id}/xrefs", tag: "distributor", summary: "Map unknown parts to SKUs (remembered in your cross-reference); send the file again with replaces={id} to re-read it", body: mapPartsSchema },
  {
    method: "get", path: "/api/v1/submissions/{period}", tag: "distributor", query: ["distributor"],
    summary: "The latest revision, or the prefill. Lines carry flags ([{ kind, message }] of the submission check when stored) and confirm ({ reason, note } or null); quality is the latest revision's { score, parts } or null. Staff: ?distributor=CODE",
  },
  {
    method: "post", path: "/api/v1/submissions/{period}", tag: "distributor", body: submissionBodySchema, success: 201, query: ["dryRun"], optionalHeaders: ["Idempotency-Key"],
    summary:
      "Store a new revision (Idempotency-Key required) → 201 { submissionId, revision, submittedAt, timeliness, daysLate, quality: { score, parts: { completeness, plausibility, agreement, freshness } }, flags: [{ sku, kind, message }] }. " +
      "Flagged lines are stored with their flags; a line may carry confirm: { reason: physical_count | in_transit | consignment | damaged | other, note? }. " +
      "dryRun=1: the same checks, nothing stored → 200 { flags, quality }. kind: out_of_tolerance | impossible | outlier | stale_prefill | not_in_file",
  },
  { method: "get", path: "/api/v1/submissions/{period}/revisions", tag: "distributor", query: ["distributor"], summary: "Revisions, newest first: [{ revision, submittedAt, submittedBy, source, lineCount, quality }]" },
  { method: "get", path: "/api/v1/submissions/{period}/revisions/{revision}", tag: "distributor", query: ["distributor"], summary: "One revision with its lines (flags, confirm) and quality" },
  { method: "get", path: "/api/v1/submissions/{period}/pos-lines", tag: "distributor", summary: "Line-level POS kept with the latest revision (its upload): JSON list, or CSV with Accept: text/csv (formula-safe). Staff: ?distributor=CODE", query: ["distributor", "format"] },
];

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          enum: Object.keys(STATUS_OF),
          description: Object.entries(STATUS_OF).map(([code, status]) => `${code} → ${status}`).join("; "),
        },
        message: { type: "string" },
        issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
      },
    },
  },
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const params = [
      ...(op.path.match(/\{(\w+)\}/g) ?? []).map((p) => ({ name: p.slice(1, -1), in: "path", required: true, schema: { type: "string" } })),
      ...(op.query ?? []).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
      ...(op.headers ?? []).map((name) => ({ name, in: "header", required: true, schema: { type: "string" } })),
      ...(op.optionalHeaders ?? []).map((name) => ({ name, in: "header", required: false, schema: { type: "string" } })),
    ];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } }
        : op.bodyContentType
          ? { requestBody: { required: true, content: { [op.bodyContentType]: { schema: { type: "string" } } } } }
          : {}),
      responses: {
        [String(op.success ?? 200)]: { description: "Success" },
        default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sellthru API",
      version: "1.0.0",
      description:
        "Distributor POS and channel inventory. See API.md for the contract. A change authenticated by the session cookie must come from the app's own " +
        "origin (Sec-Fetch-Site / Origin) or, from a script without those headers, carry a body a browser cannot send across origins unasked " +
        "(JSON, CSV, XLSX, X12 — not a form, text/plain or no body): 403 otherwise. API tokens are not checked for origin. Editable records " +
        "(exceptions, rebate programmes, users) answer with an ETag.",
    },
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
