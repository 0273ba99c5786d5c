import { describe, expect, it } from "vitest";
import { inferNumberStyle, parsePrice, parseQuantity } from "./numbers";

const US = { decimal: "." } as const;
const EU = { decimal: "," } as const;
const q = (raw: string | number | null, style: { decimal: "." | "," } = US) => parseQuantity(raw, style);

describe("parseQuantity", () => {
  it.each([
    ["1,234", US, 1234],
    ["1.234", EU, 1234],
    ["1 234", US, 1234],
    ["1\u00a0234", EU, 1234],
    ["1’234", US, 1234],
    ["1'234'567", EU, 1234567],
    ["(25)", US, -25],
    ["-25", US, -25],
    ["25-", US, -25],
    ["−25", US, -25],
    ["+7", US, 7],
    ["25.000", US, 25],
    ["25,00", EU, 25],
    ["1.234,000", EU, 1234],
    ["12 EA", US, 12],
    ["0", US, 0],
  ] as const)("%j (%o) → %d", (raw, style, value) => expect(q(raw, style)).toEqual({ ok: true, value }));

  it("numbers from spreadsheets", () => {
    expect(q(250)).toEqual({ ok: true, value: 250 });
    expect(q(99.99999999999)).toEqual({ ok: true, value: 100 });
  });

  it("empty is no value, not zero", () => {
    expect(q("")).toEqual({ ok: true, value: null });
    expect(q(null)).toEqual({ ok: true, value: null });
  });

  it("rejects fractional units with a clear message", () => {
    expect(q("2.5")).toEqual({ ok: false, message: '"2.5" is a fraction of a unit: quantities must be whole units' });
    expect(q("2,5", EU)).toMatchObject({ ok: false, message: /fraction of a unit/ });
    expect(q(1.5)).toMatchObject({ ok: false, message: /fraction of a unit/ });
  });

  it("rejects text, bad grouping and absurd sizes", () => {
    expect(q("abc")).toEqual({ ok: false, message: '"abc" is not a quantity' });
    expect(q("12,34,5")).toMatchObject({ ok: false });
    expect(q("1.234", US)).toMatchObject({ ok: false, message: /fraction/ });
    expect(q("999,999,999")).toMatchObject({ ok: false, message: /implausibly large/ });
  });
});

describe("parsePrice", () => {
  it.each([
    ["2.5300", US, 2.53],
    ["2,53", EU, 2.53],
    ["1.234,56 €", EU, 1234.56],
    ["$1,234.56", US, 1234.56],
    ["EUR 0,15", EU, 0.15],
    ["(3.10)", US, -3.1],
  ] as const)("%j → %d", (raw, style, value) => expect(parsePrice(raw, style)).toEqual({ ok: true, value }));
  it("rejects non-prices", () => expect(parsePrice("n/a", US)).toMatchObject({ ok: false }));
});

describe("inferNumberStyle: the decimal mark of a column from its values", () => {
  const infer = (values: string[], integer = true) => inferNumberStyle(values, { integer });
  it("German quantities: '1.401' next to '392' groups thousands", () => {
    expect(infer(["392", "1.767", "2.486", "465", "1.401"])).toEqual({ style: { decimal: "," }, evidence: "inferred" });
  });
  it("US quantities: '1,234' groups thousands", () => {
    expect(infer(["1,234", "25", "3,000"]).style.decimal).toBe(".");
  });
  it("decisive evidence: both marks, repeated marks, decimals that are not three digits", () => {
    expect(infer(["1.234,5"])).toEqual({ style: { decimal: "," }, evidence: "decisive" });
    expect(infer(["1,234,567", "1.234"])).toEqual({ style: { decimal: "." }, evidence: "decisive" });
    expect(infer(["2,53", "0,15"], false)).toEqual({ style: { decimal: "," }, evidence: "decisive" });
    expect(infer(["0.250"], false).style.decimal).toBe(".");
  });
  it("fixed three-decimal exports ('25.000', '392.000') are decimals, not thousands", () => {
    expect(infer(["25.000", "392.000", "7.000"]).style.decimal).toBe(".");
  });
  it("ambiguous prices follow the file's convention; no evidence → the fallback", () => {
    const eu = { style: { decimal: "," as const }, evidence: "inferred" as const };
    expect(inferNumberStyle(["1.234"], { integer: false, fallback: eu })).toBe(eu);
    expect(inferNumberStyle(["12", "7"], { integer: true, fallback: eu })).toBe(eu);
    expect(infer(["12", "7"])).toEqual({ style: { decimal: "." }, evidence: "default" });
  });
});

describe("the price fast path (records.ts plainDecimal)", () => {
  it("gives the same number as Number() for every text parsePrice's fast path accepts, NaN otherwise", async () => {
    const { plainDecimal } = await import("./records");
    let seed = 11;
    const rnd = (n: number) => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) * n);
    const digits = (n: number) => Array.from({ length: n }, () => String(rnd(10))).join("");
    for (let i = 0; i < 20_000; i++) {
      const s = rnd(4) === 0 ? digits(1 + rnd(9)) : `${digits(1 + rnd(9))}.${digits(1 + rnd(6))}`;
      expect(plainDecimal(s), s).toBe(Number(s));
    }
    for (const s of ["", ".5", "1.", "1.2.3", "1234567890", "1.1234567", "-1.5", "1,5", " 1", "1e3", "0x1"]) expect(plainDecimal(s), s).toBeNaN();
  });
});
