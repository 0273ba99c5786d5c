import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("openApiDocument", () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[]; description: string } } } } } } };
  };

  it("names every error code with its HTTP status, the database outage included", () => {
    const code = doc.components.schemas.Error.properties.error.properties.code;
    expect(code.enum).toEqual(expect.arrayContaining(["validation_failed", "idempotency_mismatch", "rate_limited", "payload_too_large", "database_unavailable"]));
    expect(code.description).toContain("database_unavailable → 503");
    expect(code.description).toContain("idempotency_mismatch → 422");
  });

  it("gives every operation a success and an error response", () => {
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) expect(Object.keys(op.responses)).toContain("default");
  });

  it("describes ship & debit: claims as JSON or a file, the answer as 849 or CSV, overrides", () => {
    const paths = doc.paths as unknown as Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, unknown> }> }>>;
    expect(Object.keys(paths["/api/v1/claims"]!.post!.requestBody!.content)).toEqual(expect.arrayContaining(["application/json", "application/edi-x12", "multipart/form-data", "text/csv"]));
    expect(Object.keys(paths["/api/v1/claims/{id}/response"]!.get!.responses["200"]!.content!)).toEqual(["application/edi-x12", "text/csv"]);
    expect(paths["/api/v1/claims/{id}/response"]!.get!.responses).toHaveProperty("406");
    for (const p of ["/api/v1/authorizations", "/api/v1/claims/{id}", "/api/v1/claims/{id}/lines/{line}/override", "/api/v1/claim-overrides/{id}/approve", "/api/v1/claim-overrides/{id}/reject"]) expect(paths).toHaveProperty([p]);
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(expect.arrayContaining(["file_needs_answer", "file_has_errors", "not_acceptable"]));
  });
});
