import { describe, expect, it } from "vitest";
import { claimHeaderSignature, findClaimHeaderRow, matchClaimHeader, suggestClaimMapping } from "./claim-columns";
import { headerSignature } from "../headers";

describe("claim header words", () => {
  it.each([
    ["Debit #", "authorization"], ["SPA Number", "authorization"], ["Auth No", "authorization"], ["Quote #", "authorization"],
    ["Inv No", "invoice"], ["Invoice Line", "invoiceLine"], ["Date Shipped", "shipDate"], ["End User", "endCustomer"], ["Account", "endCustomer"],
    ["Mfr Part #", "sku"], ["MPN", "sku"], ["Qty Shipped", "quantity"], ["DBC", "bookCost"], ["Distributor Cost", "bookCost"], ["Book Cost (USD)", "bookCost"],
    ["SPA Price", "authorizedCost"], ["Debit Cost", "authorizedCost"], ["Approved Cost", "authorizedCost"], ["Ext Debit", "claimedAmount"],
    ["Debit Amount", "claimedAmount"], ["Credit", "claimedAmount"], ["BookCost", "bookCost"], ["auth_number", "authorization"],
  ])("%s → %s", (header, field) => {
    const m = matchClaimHeader(header);
    expect(m.field).toBe(field);
    expect(m.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("weak and ambiguous words are matched without confidence; unknown words not at all", () => {
    expect(matchClaimHeader("Date")).toMatchObject({ field: "shipDate", confidence: 0.6 });
    expect(matchClaimHeader("Amount").confidence).toBeLessThan(0.7);
    expect(matchClaimHeader("Debit Value").confidence).toBeLessThan(0.7);
    expect(matchClaimHeader("Region")).toEqual({ field: null, confidence: 0 });
  });

  it("one column per field; the signature is the POS one prefixed", () => {
    const headers = ["Inv No", "Invoice", "Debit #", "Part"];
    expect(suggestClaimMapping(headers).mapping).toMatchObject({ invoice: 0, authorization: 2, sku: 3 });
    expect(claimHeaderSignature(headers)).toBe(`claim:${headerSignature(headers)}`);
  });

  it("finds the header below title lines", () => {
    const rows = [["Northwind claim"], ["Claim no.", "X"], [], ["Debit #", "Inv No", "Mfr Part #", "Qty"], ["A", "B", "C", "1"]].map((cells, i) => ({ line: i + 1, cells }));
    expect(findClaimHeaderRow(rows)).toBe(3);
  });
});
