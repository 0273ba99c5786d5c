import { z } from "zod";
import { createDistributorSchema, createProductSchema, createUserSchema, updateUserSchema } from "@/lib/validation/admin";

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
  success?: number;
};

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });

const operations: Op[] = [
  { method: "get", path: "/api/health", summary: "Liveness and database kind (no auth)", tag: "everyone" },
  { method: "get", path: "/api/v1/me", summary: "The signed-in user, role and distributor", tag: "everyone" },
  { method: "get", path: "/api/v1/periods", summary: "Periods, newest first, with deadlines and state", tag: "everyone" },
  {
    method: "get", path: "/api/v1/gaps", tag: "staff",
    summary: "Calculated vs reported inventory per distributor × SKU (JSON, or CSV with Accept: text/csv)",
    query: ["period", "distributor", "family", "sku", "minAbsGap", "minGapPct", "flag", "sort", "limit", "cursor"],
  },
  { method: "post", path: "/api/v1/sell-in", tag: "staff", summary: "Load ERP shipment lines (CSV); idempotent per document and line", bodyContentType: "text/csv" },
  { method: "post", path: "/api/v1/admin/distributors", tag: "admin", summary: "Create a distributor", body: createDistributorSchema, success: 201 },
  { method: "post", path: "/api/v1/admin/products", tag: "admin", summary: "Create a product", body: createProductSchema, success: 201 },
  { method: "post", path: "/api/v1/admin/users", tag: "admin", summary: "Create a user", body: createUserSchema, success: 201 },
  { method: "patch", path: "/api/v1/admin/users/{email}", tag: "admin", summary: "Change or deactivate a user", body: updateUserSchema },
];

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
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
    info: { title: "Sellthru API", version: "1.0.0", description: "Distributor POS and channel inventory. See API.md for the contract." },
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
