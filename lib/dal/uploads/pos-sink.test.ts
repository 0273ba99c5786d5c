import { describe, expect, it } from "vitest";
import type { ResolvedPosLine } from "@/lib/imports";
import { copyText, CopyTextWriter, distributorPartOf, transferTypeOf, writeLine } from "./pos-sink";

/** The COPY text of a line as strings (how the sink built it before writing bytes). */
function expectedLine(prefix: string, l: ResolvedPosLine): string {
  return [
    prefix + l.line, copyText(transferTypeOf(l)), String(l.quantity), copyText(l.date), copyText(l.invoice), copyText(l.invoiceLine), copyText(l.unitPrice),
    copyText(l.endCustomer), copyText(l.shipToCity), copyText(l.shipToState), copyText(l.shipToCountry), copyText(distributorPartOf(l)),
  ].join("\t") + "\n";
}

describe("CopyTextWriter", () => {
  const lines: ResolvedPosLine[] = [
    { line: 2, movement: "sell_through", identifiers: { sku: "MCU-1000" }, sku: "MCU-1000", quantity: 183, date: "2026-10-02", invoice: "INV2610000001", invoiceLine: "1", unitPrice: 3.5936, endCustomer: "Solace Medical", shipToCity: "Minneapolis", shipToState: "MN", shipToCountry: "US" },
    { line: 1_234_567, movement: "sell_through", identifiers: { sku: "mcu-1000" }, sku: "MCU-1000", quantity: -7, unitPrice: 0.1 },
    { line: 3, movement: "return_to_vendor", transferType: "RV", identifiers: { distributorPart: "NW\\1\t2" }, sku: "LDO-330", quantity: 0, endCustomer: "tab\there\\back\nnew\rcr", shipToCity: "" },
    { line: 4, movement: "sell_through", identifiers: { upc: "00012345678905" }, sku: "LDO-330", quantity: 12, endCustomer: "Müller\tGmbH \\ ü", shipToCity: "Zürich", shipToState: "東京", shipToCountry: "🇩🇪\n", invoice: "x\ud800y" },
    { line: 5, movement: "sell_through", identifiers: { sku: "A" }, sku: "A", quantity: 1, unitPrice: Number.NaN, invoiceLine: "a".repeat(300_000) },
  ];

  it("writes the same bytes as the string form, escapes and UTF-8 included", () => {
    const prefix = "d908c915-6e92-4da7-9317-d4bfb40fa617\t1\t6\t";
    const w = new CopyTextWriter(16);
    for (const l of lines) writeLine(w, Buffer.from(prefix), l);
    const got = w.take();
    expect(Buffer.compare(got, Buffer.from(lines.map((l) => expectedLine(prefix, l)).join(""), "utf8"))).toBe(0);
    expect(w.pos).toBe(0);
  });
});
