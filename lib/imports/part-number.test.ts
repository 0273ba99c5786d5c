import { describe, expect, it } from "vitest";
import { resolvePart, utf8 } from "./__fixtures__/support";
import { parseUpload } from "./index";
import { confusableCharIn, visiblePart } from "./part-number";
import { createProductSchema } from "@/lib/validation/admin";
import { submissionBodySchema } from "@/lib/validation/submission";
import { mapPartsSchema } from "@/lib/validation/uploads";

const LOOKALIKES = ["MCU-1000\u200b", "MCU\u200d-1000", "\u202eMCU-1000", "MCU-10\u206600", "MCU\u00a0-1000", "MCU-1000\u00ad", "MCU\ufeff-1000", "MCU-1000\u0007"];

describe("look-alike part numbers (zero-width, bidi controls, odd spaces)", () => {
  it("are found and named; ordinary part numbers, accents and other scripts are not", () => {
    expect(confusableCharIn("MCU-1000\u200b")).toBe("U+200B zero-width space");
    expect(confusableCharIn("\u202eMCU-1000")).toBe("U+202E right-to-left override");
    expect(confusableCharIn("MCU-1000\u0007")).toBe("U+0007 control character");
    for (const s of LOOKALIKES) expect(confusableCharIn(s), JSON.stringify(s)).not.toBeNull();
    for (const s of ["MCU-1000", "LDO 330", "Ø12-ÄÖ", "部品-7", "a_b.c/d"]) expect(confusableCharIn(s)).toBeNull();
    expect(visiblePart("MCU-1000\u200b")).toBe("MCU-1000");
  });

  it("are refused in the catalogue, in submissions and in cross-references", () => {
    for (const sku of LOOKALIKES) {
      const product = createProductSchema.safeParse({ sku, description: "d", family: "f", listPrice: "1.00" });
      expect(product.success, JSON.stringify(sku)).toBe(false);
      expect(product.error!.issues[0]!.message).toMatch(/invisible or direction-changing character/);
      expect(submissionBodySchema.safeParse({ baseRevision: null, lines: [{ sku, sold: 1, returned: 0, onHand: 1 }] }).success).toBe(false);
      expect(mapPartsSchema.safeParse({ mappings: [{ part: sku, sku: "MCU-1000" }] }).success).toBe(false);
    }
    expect(createProductSchema.safeParse({ sku: "MCU-1000", description: "d", family: "f", listPrice: "1.00" }).success).toBe(true);
  });

  it("are a row error in an upload (not an unknown part that reads like a known one); the other rows count", async () => {
    const csv = ["Part,Sold,On Hand", "MCU-1000\u200b,5,10", "\u202eLDO-330,7,1", "MCU-1000,3,2"].join("\n");
    const r = await parseUpload({ bytes: utf8(csv), period: "2026-10", resolvePart });
    expect(r.unknownParts).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(r.errors[0]!.message).toBe(
      'Part number "MCU-1000" contains an invisible or direction-changing character (U+200B zero-width space): it would look like another part. Remove it and try again.',
    );
    expect(r.lines).toEqual([expect.objectContaining({ sku: "MCU-1000", sold: 3, onHand: 2 })]);
    expect(r.rowsRead).toBe(3);
  });
});
