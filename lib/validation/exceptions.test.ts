import { describe, expect, it } from "vitest";
import { bulkAnswerSchema, bulkAnswerText, bulkOpenSchema, decideCorrectionSchema, exceptionQuerySchema } from "./exceptions";

const ID = "0b6f7d3e-1d2c-4c5b-9a8e-7f6e5d4c3b2a";

describe("issue 16 schemas", () => {
  it("filters exceptions awaiting approval, and nothing else under that name", () => {
    expect(exceptionQuerySchema.parse({ corrections: "awaiting" }).corrections).toBe("awaiting");
    expect(exceptionQuerySchema.parse({ corrections: "" }).corrections).toBeUndefined();
    expect(exceptionQuerySchema.safeParse({ corrections: "approved" }).success).toBe(false);
  });

  it("decides with one action and an optional note", () => {
    expect(decideCorrectionSchema.parse({ correctionId: ID, decision: "approve", note: "" })).toEqual({ correctionId: ID, decision: "approve" });
    expect(decideCorrectionSchema.parse({ correctionId: ID, decision: "reject", note: " seen " }).note).toBe("seen");
    expect(decideCorrectionSchema.safeParse({ correctionId: ID, decision: "maybe" }).success).toBe(false);
    expect(decideCorrectionSchema.safeParse({ correctionId: "x", decision: "approve" }).success).toBe(false);
  });

  it("opens at most 200 rows at once, each a whole row reference", () => {
    const row = { distributor: "NWC", sku: "MCU-1000", period: "2026-10" };
    expect(bulkOpenSchema.parse({ rows: [row] }).rows).toEqual([row]);
    expect(bulkOpenSchema.safeParse({ rows: [] }).success).toBe(false);
    expect(bulkOpenSchema.safeParse({ rows: Array.from({ length: 201 }, () => row) }).success).toBe(false);
    expect(bulkOpenSchema.safeParse({ rows: [{ ...row, period: "2026-13" }] }).success).toBe(false);
  });

  it("answers several exceptions with their common cause in words", () => {
    const input = bulkAnswerSchema.parse({ ids: [ID], cause: "stock_transfer", body: "moved to Reno on the 28th" });
    expect(bulkAnswerText(input)).toBe("Stock transfer: moved to Reno on the 28th");
    expect(bulkAnswerText(bulkAnswerSchema.parse({ ids: [ID], cause: "damaged", body: "" }))).toBe("Damaged");
    expect(bulkAnswerSchema.safeParse({ ids: [ID] }).success).toBe(false);
    expect(bulkAnswerSchema.safeParse({ ids: [], cause: "other" }).success).toBe(false);
  });
});
