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
});
