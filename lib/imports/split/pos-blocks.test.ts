import { describe, expect, it } from "vitest";
import type { ResolvedPosLine } from "../types";
import { copyText, CopyTextWriter, decodePosBlock, distributorPartOf, productIdsOf, storedPrice, transferTypeOf, writePosLine } from "./pos-blocks";

/** A line's stored text built from strings (how the COPY sink built it before writing bytes). */
function expectedLine(prefix: string, l: ResolvedPosLine): string {
  return [
    // A sales line's type is stored as none (it follows from the quantity).
    prefix + l.line, l.transferType === undefined && l.movement === "sell_through" ? "\\N" : copyText(transferTypeOf(l)), String(l.quantity), copyText(l.date), copyText(l.invoice), copyText(l.invoiceLine), copyText(storedPrice(l.unitPrice)),
    copyText(l.endCustomer), copyText(l.shipToCity), copyText(l.shipToState), copyText(l.shipToCountry), copyText(distributorPartOf(l)),
  ].join("\t") + "\n";
}

const lines: ResolvedPosLine[] = [
  { line: 2, movement: "sell_through", identifiers: { sku: "MCU-1000" }, sku: "MCU-1000", quantity: 183, date: "2026-10-02", invoice: "INV2610000001", invoiceLine: "1", unitPrice: 3.5936, endCustomer: "Solace Medical", shipToCity: "Minneapolis", shipToState: "MN", shipToCountry: "US" },
  { line: 1_234_567, movement: "sell_through", identifiers: { sku: "mcu-1000" }, sku: "MCU-1000", quantity: -7, unitPrice: 0.1 },
  { line: 3, movement: "return_to_vendor", transferType: "RV", identifiers: { distributorPart: "NW\\1\t2" }, sku: "LDO-330", quantity: 0, endCustomer: "tab\there\\back\nnew\rcr", shipToCity: "" },
  { line: 4, movement: "sell_through", identifiers: { upc: "00012345678905" }, sku: "LDO-330", quantity: 12, endCustomer: "Müller\tGmbH \\ ü", shipToCity: "Zürich", shipToState: "東京", shipToCountry: "🇩🇪\n", invoice: "x\u0000y" },
  { line: 5, movement: "sell_through", identifiers: { sku: "A" }, sku: "A", quantity: 1, unitPrice: Number.NaN, invoiceLine: "a".repeat(300_000) },
  { line: 6, movement: "sell_through", identifiers: { sku: "A" }, sku: "A", quantity: 2, unitPrice: 12.345678, endCustomer: "NUL\u0000 and \\N literally", invoice: "\\N" },
];
const ids: Record<string, number> = { "MCU-1000": 6, "LDO-330": 61, A: 7 };
const skuOf = (id: number) => Object.keys(ids).find((k) => ids[k] === id);

function write(): Buffer {
  const w = new CopyTextWriter(16);
  for (const l of lines) writePosLine(w, Buffer.from(`${ids[l.sku]}\t`), l);
  const got = w.take();
  expect(w.pos).toBe(0);
  return got;
}

describe("POS line blocks", () => {
  it("writes the same bytes as the string form, escapes and UTF-8 included", () => {
    const expected = lines.map((l) => expectedLine(`${ids[l.sku]}\t`, l)).join("");
    expect(Buffer.compare(write(), Buffer.from(expected, "utf8"))).toBe(0);
  });

  it("reads back every field exactly: escapes, NUL, UTF-8, an empty text as none, a literal \\N", () => {
    const out = decodePosBlock(write().toString("utf8"), skuOf);
    expect(out).toHaveLength(lines.length);
    expect(out[0]).toEqual({
      sku: "MCU-1000", sourceLine: 2, transferType: "sell_through", quantity: 183, invoiceDate: "2026-10-02", invoice: "INV2610000001", invoiceLine: "1",
      unitPrice: "3.5936", endCustomer: "Solace Medical", shipToCity: "Minneapolis", shipToState: "MN", shipToCountry: "US", distributorPart: null,
    });
    expect(out[1]).toMatchObject({ sku: "MCU-1000", sourceLine: 1_234_567, quantity: -7, unitPrice: "0.1", transferType: "customer_return", distributorPart: null });
    expect(out[2]).toMatchObject({ sku: "LDO-330", transferType: "RV", quantity: 0, endCustomer: "tab\there\\back\nnew\rcr", shipToCity: null, distributorPart: "NW\\1\t2" });
    expect(out[3]).toMatchObject({ shipToState: "東京", shipToCountry: "🇩🇪\n", endCustomer: "Müller\tGmbH \\ ü", invoice: "x\u0000y", distributorPart: "00012345678905" });
    expect(out[4]).toMatchObject({ unitPrice: null, invoiceLine: "a".repeat(300_000) });
    expect(out[5]).toMatchObject({ unitPrice: "12.3457", endCustomer: "NUL\u0000 and \\N literally", invoice: "\\N" });
    expect(write().includes(0)).toBe(false); // Postgres text cannot hold NUL
  });

  it("names the products of a block, and refuses an unknown product or a damaged line", () => {
    const text = write().toString("utf8");
    expect([...productIdsOf(text)].sort((a, b) => a - b)).toEqual([6, 7, 61]);
    expect(() => decodePosBlock(text, () => undefined)).toThrow(/product 6/);
    expect(() => decodePosBlock("6\t2\tSS\n", skuOf)).toThrow(/3 columns/);
  });

  it("rounds prices to 4 decimals as the column did before blocks", () => {
    expect([storedPrice(1.23456), storedPrice(-0.00004), storedPrice(undefined), storedPrice(Infinity)]).toEqual([1.2346, -0, null, null]);
  });

  it("writes numbers and prices digit by digit exactly as String() would (random values)", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const samples: number[] = [0, -0, 1, -1, 9, 10, 99, 100, 2_147_483_647, -2_147_483_647, 2_147_483_648, 1e15, 1e21, 0.5, 0.00005, -0.00005, 0.1 + 0.2, 12.34995, 1e-7];
    for (let i = 0; i < 5000; i++) {
      const scale = 10 ** Math.floor(rnd() * 12 - 4);
      samples.push((rnd() - 0.3) * scale, Math.round((rnd() - 0.5) * scale));
    }
    for (const v of samples) {
      // The quantity and price columns of a stored line.
      const w = new CopyTextWriter(4);
      writePosLine(w, Buffer.from("1\t"), { line: 2, movement: "sell_through", identifiers: { sku: "A" }, sku: "A", quantity: v, unitPrice: v });
      const f = w.take().toString("utf8").split("\t");
      expect(`${f[3]}\t${f[7]}`, String(v)).toBe(`${String(v === 0 ? 0 : v)}\t${String(storedPrice(v))}`);
    }
  });
});
