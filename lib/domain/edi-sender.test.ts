import { describe, expect, it } from "vitest";
import { addGsSender, addIsaSender, addPartySender, ediIdsOf, emptySender, identitiesFromEdiIds, judgeSender, matchedIdentities, senderLabel } from "./edi-sender";

const none = { ediIsaId: null, ediGsId: null, duns: null, gln: null };
const nwc = { ediIsaId: "ZZ:NORTHWIND", ediGsId: "NORTHWIND", duns: "123456789", gln: null };

function file(isa: [string, string] | null, gs?: string, parties: [string, string][] = []) {
  const s = emptySender();
  if (isa) addIsaSender(s, isa[0], isa[1]);
  if (gs) addGsSender(s, gs);
  for (const [q, id] of parties) addPartySender(s, q, id);
  return s;
}

describe("who sent an X12 file", () => {
  it("reads ISA qualifier:ID, GS02, DUNS and GLN (from ISA 01/14/07/08 and N1 1/9/UL)", () => {
    const s = file(["01", "123456789      "], " nw ", [["9", "1234567890001"], ["UL", "0614141000005"], ["92", "C1"]]);
    expect(s).toEqual({ isa: ["01:123456789"], gs: ["NW"], duns: ["123456789"], gln: ["0614141000005"] });
    expect(senderLabel(s)).toBe("ISA 01:123456789, GS NW, DUNS 123456789, GLN 0614141000005");
    expect(file(["08", "0614141000005"]).gln).toEqual(["0614141000005"]);
  });

  it("the uploader's own IDs: ok, matched by any of them", () => {
    expect(matchedIdentities(file(["zz", "northwind"]), nwc)).toEqual(["isa"]);
    expect(judgeSender(file(["ZZ", "OTHER"], "NORTHWIND"), "NWC", nwc, true)).toEqual({ verdict: "ok" });
    expect(judgeSender(file(null, undefined, [["1", "123456789"]]), "NWC", nwc, false)).toEqual({ verdict: "ok" });
  });

  it("another distributor's IDs: 'other', with a clear message", () => {
    const v = judgeSender(file(["ZZ", "ACME"], "ACME"), "NWC", nwc, true);
    expect(v).toEqual({ verdict: "other", message: "This file's sender IDs (ISA ZZ:ACME, GS ACME) belong to another distributor, not to NWC: check that you are uploading your own file" });
    expect(judgeSender(file(["ZZ", "ACME"]), "NWC", none, true).verdict).toBe("other");
  });

  it("IDs nobody has: 'unknown' when the uploader has identities, else nothing to say", () => {
    expect(judgeSender(file(["ZZ", "NEWVAN"]), "NWC", nwc, false)).toMatchObject({ verdict: "unknown", message: expect.stringMatching(/not among NWC's EDI identities \(ISA ZZ:NORTHWIND, GS NORTHWIND, DUNS 123456789\)/) });
    expect(judgeSender(file(["ZZ", "NEWVAN"]), "NWC", none, false)).toEqual({ verdict: "ok" });
    expect(judgeSender(emptySender(), "NWC", nwc, false)).toEqual({ verdict: "ok" });
  });
});

describe("the contract's ediIds list", () => {
  it("ISA qualifier:ID, GS02, DUNS and GLN, with DUNS and GLN read from an ISA 01/08 ID too", () => {
    expect(identitiesFromEdiIds([{ qualifier: "zz", id: "northwind" }, { qualifier: "GS", id: "NORTHWIND" }, { qualifier: "DUNS", id: "123456789" }])).toEqual({
      ok: true, ids: { ediIsaId: "ZZ:NORTHWIND", ediGsId: "NORTHWIND", duns: "123456789" },
    });
    expect(identitiesFromEdiIds([{ qualifier: "01", id: "123456789" }])).toEqual({ ok: true, ids: { ediIsaId: "01:123456789", duns: "123456789" } });
    expect(identitiesFromEdiIds([{ qualifier: "08", id: "4012345000009" }, { qualifier: "UL", id: "4012345000009" }])).toEqual({ ok: true, ids: { ediIsaId: "08:4012345000009", gln: "4012345000009" } });
  });
  it("refuses what it cannot store, by entry", () => {
    expect(identitiesFromEdiIds([{ qualifier: "ZZ", id: "A" }, { qualifier: "ZZ", id: "B" }])).toMatchObject({ ok: false, index: 1, message: expect.stringMatching(/One ISA sender per distributor/) });
    expect(identitiesFromEdiIds([{ qualifier: "DUNS", id: "12" }])).toMatchObject({ ok: false, index: 0, message: "A DUNS has 9 digits" });
    expect(identitiesFromEdiIds([{ qualifier: "XYZ", id: "1" }])).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown qualifier "XYZ"/) });
  });
  it("and back to the list", () => {
    expect(ediIdsOf({ ediIsaId: "ZZ:NORTHWIND", ediGsId: "NW", duns: "123456789", gln: null })).toEqual([
      { qualifier: "ZZ", id: "NORTHWIND" }, { qualifier: "GS", id: "NW" }, { qualifier: "DUNS", id: "123456789" },
    ]);
  });
});
