import { z } from "zod";
import { createDistributorSchema, createProductSchema, createUserSchema, updateUserSchema } from "@/lib/validation/admin";
import { remindSchema } from "@/lib/validation/compliance";
import { freezeSchema, rebateProgramSchema } from "@/lib/validation/rebates";
import { approveSchema, automaticOpenSchema, bulkUpdateSchema, noteSchema, openExceptionSchema, proposeCorrectionSchema, updateExceptionSchema } from "@/lib/validation/exceptions";
import { mapPartsSchema } from "@/lib/validation/uploads";
import { submissionBodySchema } from "@/lib/validation/submission";
import { authorizationSchema, claimBodySchema, overrideSchema } from "@/lib/validation/claims";
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
  /** Other bodies the operation takes besides `body` (files: a string of that type). */
  alsoAccepts?: string[];
  /** Non-error answers beyond `success`, and errors worth naming, by status. */
  responses?: Record<number, string>;
  /** A file answer: the content types it may be (chosen by Accept). */
  produces?: string[];
};

const IF_MATCH = " If-Match: \"<version>\" (the ETag of the GET) → 412 precondition_failed with error.details.current when someone changed it since.";

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });

const CLAIM_FILE_TYPES = ["text/csv", "text/tab-separated-values", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/edi-x12", "multipart/form-data"];
const CLAIM_LINE_FIELDS = "{ line, authorization, invoice, invoiceLine, shipDate, endCustomer, sku, quantity, bookCost, authorizedCost, claimedAmount, outcome: approved | adjusted | rejected, approvedQuantity, approvedAmount, reasonCode, message, ruleOutcome, ruleReasonCode, pendingOverride (staff) }";
const CLAIM_ANSWER =
  `{ id, distributor: { code, name }, period, reference, status: validated | awaiting_approval, revision, submittedAt, source, fileName, pendingOverrides, totals: { lines, quantity, claimed, approved: { lines, amount }, adjusted: { lines, claimed, amount }, rejected: { lines, claimed }, payable }, revisions: [{ revision, submittedAt, source, totals }], lineCount, lines: [${CLAIM_LINE_FIELDS}] }` +
  " (money as decimal text)";

/** Ship & debit (issue 17): authorisations, claims in (JSON, X12 844, CSV/XLSX), answers out (X12 849, CSV), overrides with four eyes. */
const SHIP_AND_DEBIT: Op[] = [
  {
    method: "get", path: "/api/v1/authorizations", tag: "distributor", query: ["distributor", "number"],
    summary: "Ship & debit authorisations → { authorizations: [{ id, number, distributor, endCustomer: { id, name }, sku, authorizedCost, minResale, quantityLimit, validFrom, validTo, currency, claimWindowDays, claimedQuantity, remainingQuantity, debitPerUnit, openLiability, active }] }. Staff: all or ?distributor=CODE; a distributor: its own (another's code → 404). debitPerUnit = book cost on record (latest sell-in unit_cost, else list price) − authorised cost; openLiability = remaining × debit while claims may still come",
  },
  {
    method: "post", path: "/api/v1/authorizations", tag: "staff", body: authorizationSchema, alsoAccepts: ["text/csv"], success: 201, responses: { 200: "Only updates (nothing created)" },
    summary: "Create or update authorisations (rebate analyst, channel manager, admin): one JSON object, { authorizations: [...] } or an array; or Content-Type: text/csv with snake_case headers number, distributor, end_customer_id, end_customer_name, sku, authorized_cost, min_resale, quantity_limit, valid_from, valid_to, currency, claim_window_days. A number on record (same distributor) is updated. → { created, updated, errors: [{ line, message }] }: 201 when one was created, 200 otherwise; 400 validation_failed when nothing could be stored",
  },
  {
    method: "get", path: "/api/v1/claims", tag: "distributor", query: ["distributor", "period", "awaiting", "limit"],
    summary: "Claims, newest period first → { claims: [{ id, distributor, period, reference, revision, revisionId, submittedAt, source, fileName, status, pendingOverrides, totals }] }. awaiting=1: claims with an override waiting for a second approver. A distributor: its own (another's code → 404)",
  },
  {
    method: "post", path: "/api/v1/claims", tag: "distributor", body: claimBodySchema, alsoAccepts: CLAIM_FILE_TYPES, headers: ["Idempotency-Key"], success: 201,
    query: ["distributor", "period", "mapping", "dateOrder", "sheet", "reference", "claim", "fileName"],
    responses: { 422: "file_needs_answer (with needs) or file_has_errors (with errors: [{ line, field?, segment?, message }]); or idempotency_mismatch" },
    summary:
      "Submit a ship & debit claim (distributor; rebate analyst or admin for ?distributor=CODE). Idempotency-Key required (400 idempotency_key_missing); the same key and request again answer the first answer byte for byte (header idempotent-replayed: true) and store nothing. " +
      "Body: the JSON claim (claim = the id of a claim this revises), or a claim file — X12 844, CSV/TSV or XLSX in the distributor's own layout — as multipart field `file` or the raw body. For a file, period is ?period=YYYY-MM, else the month most ship dates fall in (the answer's file.periodSource says which); an 844's BAA05 is the reference. " +
      "A spreadsheet's columns come from the mapping remembered for its header (column_mappings) or are suggested; when unsure the answer is 422 file_needs_answer with needs: [{ kind: mapping, missing, uncertain, headers, suggested, preview } | { kind: dateOrder, assumed, example }] — send it again with mapping (JSON: column index → field, or field → column index) and/or dateOrder=MDY|DMY (a confirmed answer is remembered for the layout). " +
      "Lines that cannot be read: 422 file_has_errors listing each line and field; nothing is stored. " +
      `→ 201 ${CLAIM_ANSWER}, plus for a file file: { format: x12 | csv | xlsx, periodSource: given | ship_dates, claimDate, mappingSaved, warnings }. Every line is judged at once: a valid authorisation, a reported POS sale behind it (same invoice, SKU, end customer) and no earlier claim of it; quantities, costs, amounts and the claim window checked`,
  },
  { method: "get", path: "/api/v1/claims/{id}", tag: "distributor", query: ["revision", "outcome", "limit", "offset"], summary: `One claim: its latest revision or ?revision=N of its history; outcome=approved | adjusted | rejected | open filters the lines → ${CLAIM_ANSWER}. Another distributor's claim is 404` },
  {
    method: "get", path: "/api/v1/claims/{id}/response", tag: "distributor", query: ["revision", "format"], produces: ["application/edi-x12", "text/csv"], responses: { 406: "not_acceptable: Accept names neither application/edi-x12 nor text/csv" },
    summary: "The manufacturer's answer as a file (Content-Disposition: attachment): Accept: application/edi-x12 → X12 849 (004010, group CF; sender ZZ:SELLTHRU, receiver the distributor's ISA id on record, else ZZ:<code>; one PAD loop per line with AAA reason code, approved quantity and amount), Accept: text/csv → the payables CSV claim,revision,line,authorization,invoice,invoice_line,sku,quantity,claimed_amount,outcome,approved_quantity,approved_amount,reason_code,message (formula-safe). ?format=x12|csv wins over Accept. Another distributor's claim is 404",
  },
  {
    method: "post", path: "/api/v1/claims/{id}/lines/{line}/override", tag: "staff", body: overrideSchema, success: 201,
    summary: "Override a line's outcome of the claim's latest revision (rebate analyst, admin), with a note → { id, status: applied | proposed, needsSecondApprover, limit }. Paying more than the settings' claim override limit waits for a second person; otherwise it applies at once (the rule's outcome is kept as ruleOutcome). 409 when an override of the line is already waiting",
  },
  { method: "post", path: "/api/v1/claim-overrides/{id}/approve", tag: "staff", summary: "Apply a waiting override (another member of the rebate team than the proposer: the proposer gets 403; decided already → 409). Optional body { note } → { id, status: applied }" },
  { method: "post", path: "/api/v1/claim-overrides/{id}/reject", tag: "staff", summary: "Turn a waiting override down (another member of the rebate team) → { id, status: rejected }; by its proposer: withdraw it → { id, status: withdrawn }. Optional body { note }" },
];

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
  ...SHIP_AND_DEBIT,
];

/** Codes some routes answer beyond lib/errors (their statuses fixed by the route). */
const ROUTE_CODES: Record<string, number> = { file_needs_answer: 422, file_has_errors: 422, not_acceptable: 406 };

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          enum: [...Object.keys(STATUS_OF), ...Object.keys(ROUTE_CODES)],
          description: Object.entries({ ...STATUS_OF, ...ROUTE_CODES }).map(([code, status]) => `${code} → ${status}`).join("; "),
        },
        message: { type: "string" },
        issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
      },
    },
  },
};

function fileBodies(types: string[] = []) {
  return Object.fromEntries(types.map((t) => [t, {
    schema: t === "multipart/form-data"
      ? { type: "object", required: ["file"], properties: { file: { type: "string", contentMediaType: "application/octet-stream" } } }
      : { type: "string" },
  }]));
}

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
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) }, ...fileBodies(op.alsoAccepts) } } }
        : op.bodyContentType
          ? { requestBody: { required: true, content: { [op.bodyContentType]: { schema: { type: "string" } } } } }
          : {}),
      responses: {
        [String(op.success ?? 200)]: { description: "Success", ...(op.produces ? { content: Object.fromEntries(op.produces.map((t) => [t, { schema: { type: "string" } }])) } : {}) },
        ...Object.fromEntries(Object.entries(op.responses ?? {}).map(([status, description]) => [status, { description }])),
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
