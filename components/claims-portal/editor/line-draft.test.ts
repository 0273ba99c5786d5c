import { describe, expect, it } from "vitest";
import { claimBodySchema } from "@/lib/validation/claims";
import { completeDraft, EMPTY_LINE, parseDateText, parseDecimal, screenMessage, toClaimBody } from "./line-draft";
import { pastedCells, placeCells } from "./paste-block";

describe("claim lines as typed", () => {
  it("reads numbers as the user's locale writes them", () => {
    expect(parseDecimal("1,234.50", ".")).toBe(1234.5);
    expect(parseDecimal("$4.84", ".")).toBe(4.84);
    expect(parseDecimal("1.234,50", ",")).toBe(1234.5);
    expect(parseDecimal("0,1417", ",")).toBe(0.1417);
    expect(parseDecimal("", ".")).toBeNaN();
    expect(parseDecimal("12 units", ".")).toBeNaN();
  });

  it("reads pasted dates: ISO, day-first with dots, slashes in the locale's order", () => {
    expect(parseDateText("2026-11-13", "en-US")).toBe("2026-11-13");
    expect(parseDateText("11/13/2026", "en-US")).toBe("2026-11-13");
    expect(parseDateText("13/11/2026", "en-GB")).toBe("2026-11-13");
    expect(parseDateText("13.11.2026", "de-DE")).toBe("2026-11-13");
  });

  it("fills a line from its authorisation and prefills the amount, never over what was typed", () => {
    const auth = { endCustomer: "Solace Medical Inc", sku: "MCU-2000", authorizedCost: "3.95", bookCost: "4.84" };
    const d = completeDraft({ ...EMPTY_LINE, authorization: "SPA-1", quantity: "1000" }, auth, ".");
    expect(d).toMatchObject({ endCustomer: "Solace Medical Inc", sku: "MCU-2000", authorizedCost: "3.95", bookCost: "4.84", claimedAmount: "890.00" });
    const typed = completeDraft({ ...d, bookCost: "5", claimedAmount: "100.00", amountByHand: true }, auth, ".");
    expect(typed).toMatchObject({ bookCost: "5", claimedAmount: "100.00" });
    expect(completeDraft({ ...EMPTY_LINE, quantity: "3", bookCost: "1,25", authorizedCost: "1" }, undefined, ",").claimedAmount).toBe("0,75");
  });

  it("becomes a claim body the shared schema accepts, new lines numbered after the kept ones", () => {
    const line = { ...EMPTY_LINE, authorization: "SPA-1", invoice: "INV-1", shipDate: "2026-11-13", endCustomer: "Acme", sku: "MCU-2000", quantity: "10", bookCost: "4.84", authorizedCost: "3.95", claimedAmount: "8.90" };
    const carried = [{ line: 1, authorization: "SPA-1", invoice: "INV-0", shipDate: "2026-11-02", endCustomer: "Acme", sku: "MCU-2000", quantity: 5, bookCost: 4.84, authorizedCost: 3.95, claimedAmount: 4.45 }];
    const body = toClaimBody({ period: "2026-11", reference: " ", lines: [{ ...line, line: 3 }, line] }, ".", { claim: "0b6f3c52-2f0e-4d3f-9b4c-6d1c2f7e8a90", carried });
    expect(body.lines.map((l) => l.line)).toEqual([3, 4, 1]);
    expect(body.reference).toBeNull();
    expect(claimBodySchema.safeParse(body).success).toBe(true);
    const bad = claimBodySchema.safeParse(toClaimBody({ period: "2026-11", reference: "", lines: [{ ...line, quantity: "2.5" }] }, "."));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["lines", 0, "quantity"]);
    expect(screenMessage(bad.error!.issues[0]!.message)).toBe("Quantity must be whole units");
  });

  it("places a block copied from a spreadsheet from the cell pasted into", () => {
    expect(pastedCells("just one value")).toBeNull();
    const cells = pastedCells("INV-1\t1\t2026-11-13\r\nINV-2\t2\t2026-11-14\r\n")!;
    expect(cells).toEqual([["INV-1", "1", "2026-11-13"], ["INV-2", "2", "2026-11-14"]]);
    expect(placeCells(cells, 4, "invoice").map((p) => `${p.row}:${p.column}=${p.text}`)).toEqual([
      "4:invoice=INV-1", "4:invoiceLine=1", "4:shipDate=2026-11-13", "5:invoice=INV-2", "5:invoiceLine=2", "5:shipDate=2026-11-14",
    ]);
    expect(placeCells([["a", "b", "c"]], 0, "claimedAmount")).toHaveLength(1);
  });
});
