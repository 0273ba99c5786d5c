import { describe, expect, it } from "vitest";
import { headerSignature, matchHeader, normalizeHeader, suggestMapping } from "./headers";
import { decideKind } from "./kind";

describe("normalizeHeader", () => {
  it("folds case, punctuation, umlauts and number marks", () => {
    expect(normalizeHeader("Mfr Part #")).toBe("mfr part number");
    expect(normalizeHeader("Invoice No.")).toBe("invoice number");
    expect(normalizeHeader("Ship-To  City")).toBe("ship to city");
    expect(normalizeHeader("Rücksendung")).toBe("ruecksendung");
    expect(normalizeHeader("Stück")).toBe(normalizeHeader("STÜCK"));
  });
});

describe("matchHeader", () => {
  it.each([
    ["Mfr Part #", "sku"], ["MPN", "sku"], ["Item #", "sku"], ["Artikelnummer", "sku"], ["Material", "sku"],
    ["Part Number", "sku"], ["Manufacturer Part", "sku"], ["Customer Part", "distributorPart"], ["Our Part #", "distributorPart"],
    ["GTIN", "upc"], ["EAN", "upc"], ["Qty Shipped", "quantity"], ["Menge", "quantity"], ["Units Sold", "sold"],
    ["Verkauft", "sold"], ["Retoure an Hersteller", "returned"], ["RTV", "returned"], ["On-Hand", "onHand"],
    ["Lagerbestand", "onHand"], ["Qty On Hand", "onHand"], ["Rechnungsdatum", "date"], ["Invoice No", "invoice"],
    ["Line No", "invoiceLine"], ["Sold To", "endCustomer"], ["Kunde", "endCustomer"], ["Unit Resale", "unitPrice"],
    ["Preis", "unitPrice"], ["Ship-To State", "shipToState"], ["Bezeichnung", "description"],
  ])("%j → %s (exact)", (h, field) => expect(matchHeader(h)).toEqual({ field, confidence: 1 }));

  it("units in parentheses and extra words still match, less surely", () => {
    expect(matchHeader("Qty Shipped (EA)")).toEqual({ field: "quantity", confidence: 0.95 });
    expect(matchHeader("Customer Part No (internal)").field).toBe("distributorPart");
    expect(matchHeader("Shipped Qty Total")).toMatchObject({ field: "quantity" });
  });

  it("amounts are not quantities or prices", () => {
    expect(matchHeader("Extended Price")).toEqual({ field: null, confidence: 0 });
    expect(matchHeader("Total Amount")).toEqual({ field: null, confidence: 0 });
  });
});

describe("suggestMapping", () => {
  it("maps each field to one column, best match first", () => {
    const { mapping, confidence } = suggestMapping(["Date", "Invoice Date", "Part", "Qty", "Notes"]);
    expect(mapping).toEqual({ 0: null, 1: "date", 2: "sku", 3: "quantity", 4: null });
    expect(confidence[1]).toBe(1);
  });
});

describe("headerSignature", () => {
  it("is stable across case, spacing and trailing empty columns, and differs when columns differ", () => {
    const a = headerSignature(["Invoice Date", "Mfr Part #", "Qty"]);
    expect(headerSignature(["INVOICE DATE ", "mfr part  #", "qty", "", ""])).toBe(a);
    expect(headerSignature(["Mfr Part #", "Invoice Date", "Qty"])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("decideKind", () => {
  it("quantity + date/invoice → POS lines; sold/on hand per part → summary", () => {
    expect(decideKind({ 0: "date", 1: "sku", 2: "quantity" }).kind).toBe("pos_lines");
    expect(decideKind({ 0: "sku", 1: "sold", 2: "returned", 3: "onHand" }).kind).toBe("summary");
    expect(decideKind({ 0: "sku", 1: "onHand" }).kind).toBe("summary");
    expect(decideKind({ 0: "invoice", 1: "sku", 2: "sold" })).toMatchObject({ kind: "pos_lines", quantityColumn: 2 });
    expect(decideKind({ 0: "sku", 1: "quantity" })).toMatchObject({ kind: "summary", soldColumn: 1 });
  });
  it("the user's choice wins", () => {
    expect(decideKind({ 0: "date", 1: "sku", 2: "quantity" }, "summary").kind).toBe("summary");
    expect(decideKind({ 0: "sku", 1: "sold" }, "pos_lines")).toMatchObject({ kind: "pos_lines", quantityColumn: 1 });
  });
});
