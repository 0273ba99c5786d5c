import { describe, expect, it } from "vitest";
import { ADJUST_REASONS, OVERRIDE_REASON, REASON_CODES, REASON_X12, REJECT_REASONS, isReasonCode, outcomeOfReason, reasonMessage, type ReasonFacts } from "./reasons";

const facts: ReasonFacts = {
  authorization: "SD-1001", invoice: "INV-77", sku: "HX-220", shipDate: "2026-10-05", quantity: 40, approvedQuantity: 25,
  claimedAmount: 120, approvedAmount: 75, refQuantity: 25, refCost: 8, refAmount: 75, validFrom: "2026-06-01", validTo: "2026-09-30",
};

describe("claim reason codes", () => {
  it("gives every code an outcome, an X12 code of its own and a sentence", () => {
    expect(new Set(Object.values(REASON_X12)).size).toBe(REASON_CODES.length);
    for (const code of REASON_CODES) {
      expect(REASON_X12[code]).toMatch(/^[A-Z]\d$/);
      expect(reasonMessage(code, facts).length).toBeGreaterThan(20);
      expect(isReasonCode(code)).toBe(true);
    }
    expect(isReasonCode("NOPE")).toBe(false);
  });

  it("maps rejections to rejected, cuts to adjusted, none and overrides to approved", () => {
    for (const c of REJECT_REASONS) expect(outcomeOfReason(c)).toBe("rejected");
    for (const c of ADJUST_REASONS) expect(outcomeOfReason(c)).toBe("adjusted");
    expect(outcomeOfReason(null)).toBe("approved");
    expect(outcomeOfReason(OVERRIDE_REASON)).toBe("approved");
  });

  it.each([
    ["AUTH_UNKNOWN", "No authorisation SD-1001 exists"],
    ["AUTH_NOT_YOURS", "was not issued to you"],
    ["AUTH_EXPIRED", "not valid on the ship date 2026-10-05 (valid 2026-06-01 to 2026-09-30)"],
    ["CUSTOMER_MISMATCH", "not the one authorisation SD-1001 names"],
    ["SKU_MISMATCH", "does not cover HX-220"],
    ["DUPLICATE", "Invoice INV-77 for HX-220 has already been claimed"],
    ["WINDOW_CLOSED", "25-day claim window"],
    ["NO_POS_SALE", "No reported sale of HX-220 on invoice INV-77"],
    ["POS_CUSTOMER_MISMATCH", "sold to another end customer"],
    ["BELOW_MIN_RESALE", "below the authorised minimum resale price 8.00"],
    ["LIMIT_USED", "quantity limit is used up"],
    ["SOLD_USED", "already claimed in full"],
    ["NOTHING_TO_PAY", "Book cost 8.00 is not above the authorised cost"],
    ["OVER_LIMIT", "Cut to 25 of 40: only 25 remained"],
    ["OVER_SOLD", "Cut to 25 of 40: your POS reports 25 not yet claimed on invoice INV-77"],
    ["BOOK_COST", "the 8.00 on record"],
    ["AUTHORIZED_COST", "authorisation SD-1001's 8.00"],
    ["AMOUNT", "Claimed 120.00, but quantity × (book − authorised) is 75.00; approved 75.00"],
    ["OVERRIDE", "Decided by the rebate team: 25 units, 75.00"],
  ] as const)("%s says what was found: %s", (code, text) => {
    expect(reasonMessage(code, facts)).toContain(text);
  });

  it("uses the reader's formats", () => {
    const de = { qty: (n: number) => n.toLocaleString("de-DE"), money: (n: number) => `${n.toFixed(2).replace(".", ",")} €`, date: (d: string) => d.split("-").reverse().join(".") };
    expect(reasonMessage("OVER_SOLD", { ...facts, quantity: 4000, approvedQuantity: 2500, refQuantity: 2500 }, de)).toBe(
      "Cut to 2.500 of 4.000: your POS reports 2.500 not yet claimed on invoice INV-77.",
    );
    expect(reasonMessage("AUTH_EXPIRED", facts, de)).toContain("05.10.2026");
    expect(reasonMessage(null, facts)).toBe("Approved as claimed.");
  });
});
