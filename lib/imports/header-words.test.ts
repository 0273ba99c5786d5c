import { describe, expect, it } from "vitest";
import { headerTokens, segment, splitCamel } from "./header-words";
import { matchHeader, suggestMapping } from "./headers";

describe("header words", () => {
  it("splits CamelCase, snake_case and run-together words, and reads abbreviations", () => {
    expect(splitCamel("InvoiceDate")).toBe("Invoice Date");
    expect(splitCamel("SKUCode")).toBe("SKU Code");
    expect(headerTokens("qty_sold")).toEqual(["qty", "sold"]);
    expect(headerTokens("ProdQt")).toEqual(["item", "qty"]);
    expect(headerTokens("invoicedate")).toEqual(["invoice", "date"]);
    expect(segment("onhandqty")).toEqual(["on", "hand", "qty"]);
    expect(segment("notaword")).toBeNull();
  });
  it("folds eight languages' words, accents and stopwords to one token each", () => {
    for (const h of ["Quantity", "Menge", "Quantité", "Cantidad", "Quantidade", "Quantità", "Aantal", "Ilość"]) expect(headerTokens(h), h).toEqual(["qty"]);
    expect(headerTokens("Devoluciones de clientes")).toEqual(["returns", "customer"]);
    expect(headerTokens("Zwroty od klientów")).toEqual(["returns", "customer"]);
  });
});

describe("matchHeader: headers as people write them", () => {
  it.each([
    ["InvoiceDate", "date"], ["StockCode", "sku"], ["qty_sold", "sold"], ["ProdQt", "quantity"], ["InvoiceNo", "invoice"],
    ["UnitPrice", "unitPrice"], ["inv_dt", "date"], ["prod_cd", "sku"], ["qtyonhand", "onHand"], ["OnHandQty", "onHand"],
    // es, fr, pt, it, nl, pl, de
    ["Fecha factura", "date"], ["Código artículo", "sku"], ["Existencias", "onHand"], ["Ventas", "sold"], ["Precio unitario", "unitPrice"],
    ["N° facture", "invoice"], ["Désignation", "description"], ["Quantité vendue", "sold"], ["Magasin", "location"],
    ["Código do produto", "sku"], ["Estoque", "onHand"], ["Preço unitário", "unitPrice"],
    ["Codice articolo", "sku"], ["Giacenza", "onHand"], ["Vendite", "sold"], ["Magazzino", "location"],
    ["Factuurnummer", "invoice"], ["Factuurdatum", "date"], ["Voorraad", "onHand"], ["Verkocht", "sold"],
    ["Indeks", "sku"], ["Data faktury", "date"], ["Stan magazynowy", "onHand"], ["Sprzedaż", "sold"], ["Cena jednostkowa", "unitPrice"],
    ["Kundenretouren", "customerReturns"], ["Retours clients", "customerReturns"], ["Resi clienti", "customerReturns"], ["Klantretouren", "customerReturns"],
    ["Location", "location"], ["Branch", "location"], ["Store #", "location"],
  ])("%j → %s, confidently", (h, field) => {
    const m = matchHeader(h);
    expect(m.field).toBe(field);
    expect(m.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("amounts in eight languages and currency-marked headers are never quantities", () => {
    for (const h of ["Importe", "Montant HT", "Valor total", "Importo", "Bedrag", "Wartość", "Umsatz", "Net Sales Amount", "ExtPrice"]) {
      expect(matchHeader(h), h).toEqual({ field: null, confidence: 0 });
    }
    expect(matchHeader("Sales $").field).toBeNull();
    expect(matchHeader("Sales (USD)").field).toBeNull();
    expect(matchHeader("Unit Price (USD)").field).toBe("unitPrice");
  });

  it("bare “Returns” could be either direction: matched without confidence", () => {
    expect(matchHeader("Returns")).toEqual({ field: "returned", confidence: 0.6 });
    expect(matchHeader("Devoluções").confidence).toBeLessThan(0.7);
    expect(matchHeader("Return to Vendor")).toEqual({ field: "returned", confidence: 1 });
  });

  it("the UCI Online Retail header maps whole", () => {
    const { mapping } = suggestMapping(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]);
    expect(mapping).toEqual({ 0: "invoice", 1: "sku", 2: "description", 3: "quantity", 4: "date", 5: "unitPrice", 6: "endCustomer", 7: "shipToCountry" });
  });
});

describe("columns that are none of our fields", () => {
  it.each(["Postal Code", "Zip", "PLZ", "Code postal", "Reason Code", "Status", "Currency Code", "Currency"])("%j → nothing", (h) => {
    expect(matchHeader(h).field).toBeNull();
  });
  it("German compounds ending in 'art' are not items", () => {
    expect(matchHeader("Belegart").field).not.toBe("sku");
  });
});
