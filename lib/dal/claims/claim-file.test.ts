import { describe, expect, it } from "vitest";
import { parseClaimMapping, periodOfShipDates } from "./claim-file";
import { receiverOf } from "./claim-response";

describe("claim file options", () => {
  it("takes a mapping either way round: column → field (as POS uploads) or field → column (as needs.suggested)", () => {
    expect(parseClaimMapping('{"0":"authorization","3":"sku","4":null}')).toEqual({ authorization: 0, sku: 3 });
    expect(parseClaimMapping({ authorization: 0, sku: 3, invoiceLine: null })).toEqual({ authorization: 0, sku: 3, invoiceLine: null });
    expect(parseClaimMapping("")).toBeNull();
    expect(parseClaimMapping(undefined)).toBeNull();
  });

  it.each([
    ["{not json", "not valid JSON"],
    ['["sku"]', "an object"],
    ['{"0":"price"}', '"price" is not one of'],
    ['{"0":"sku","1":"sku"}', "sku is given two columns"],
    ['{"sku":-1}', "a column index"],
    ['{"colour":1}', "neither a column index nor"],
  ])("refuses %s", (raw, message) => {
    expect(() => parseClaimMapping(raw)).toThrow(message);
  });

  it("dates a file without a period by the month most ship dates fall in, the later on a tie", () => {
    expect(periodOfShipDates(["2026-10-30", "2026-11-02", "2026-10-15"])).toBe("2026-10");
    expect(periodOfShipDates(["2026-10-30", "2026-11-02"])).toBe("2026-11");
    expect(periodOfShipDates([])).toBeNull();
  });

  it("answers an 849 to the distributor's ISA identity on record, else ZZ and its code", () => {
    expect(receiverOf("ZZ:NORTHWIND", "NWC")).toEqual({ qualifier: "ZZ", id: "NORTHWIND" });
    expect(receiverOf("01:123456789", "NWC")).toEqual({ qualifier: "01", id: "123456789" });
    expect(receiverOf("NORTHWIND", "NWC")).toEqual({ qualifier: "ZZ", id: "NORTHWIND" });
    expect(receiverOf(null, "NWC")).toEqual({ qualifier: "ZZ", id: "NWC" });
    expect(receiverOf("ZZ:A*B", "NWC")).toEqual({ qualifier: "ZZ", id: "NWC" });
    expect(receiverOf("ZZ:SIXTEEN-CHARS-ID", "NWC")).toEqual({ qualifier: "ZZ", id: "NWC" });
  });
});
