/**
 * Issue 15 (X12) through the data layer: every file of the X12 corpus (lib/imports/__fixtures__/x12)
 * uploads to its expected per-SKU totals, warnings and questions, with pack sizes from the catalogue;
 * the answers (duplicates: drop, packSizes) given back as upload options read the file exactly.
 * Runs on PGlite and (TEST_DATABASE_URL) Postgres.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { checkCase, X12_CORPUS } from "@/lib/imports/__fixtures__/x12-corpus";
import { makeDistributor, makeViewer, setPackSizes } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { asRows } from "@/db/sql-rows";
import { getSettings } from "../settings/get-settings";
import { updateSettings } from "../settings/update-settings";
import { ingestUpload, type UploadAnswer } from "./ingest-upload";

const FIX = path.resolve(__dirname, "../../imports/__fixtures__");
const label = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
let tdb: TestDatabase;
let viewer: Viewer;

const totals = (a: UploadAnswer, f: "sold" | "returned" | "onHand") => {
  const out: Record<string, number> = {};
  for (const l of a.lines) if (l[f] !== null && l[f] !== undefined && !(a.kind === "pos_lines" && f === "returned" && l[f] === 0)) out[l.sku] = l[f]!;
  return out;
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  const rows = fs.readFileSync(path.join(FIX, "catalogue.csv"), "utf8").trim().split(/\r?\n/).slice(1);
  for (const l of rows) {
    const sku = l.split(",")[0]!;
    await tdb.db.insert(t.products).values({ sku, description: `Part ${sku}`, family: "Test", listPrice: "1.00", upc: l.split(",").at(-1) || null });
  }
  const d = await makeDistributor(tdb.db);
  await tdb.db.update(t.distributors).set({ ediIsaId: "ZZ:NORTHWIND", ediGsId: "NORTHWIND" }).where(eq(t.distributors.id, d.id));
  viewer = await makeViewer(tdb.db, "distributor", d);
  const acme = await makeDistributor(tdb.db);
  await tdb.db.update(t.distributors).set({ ediIsaId: "ZZ:ACMEDIST", duns: "987654321" }).where(eq(t.distributors.id, acme.id));
});
afterAll(async () => tdb?.close());


describe(`X12 corpus through the data layer (${label})`, () => {
  for (const [name, exp] of Object.entries(X12_CORPUS)) {
    it(`${name}: ${exp.about}`, async () => {
      await setPackSizes(tdb.db, exp.catalogue?.packSize ?? {});
      const bytes = fs.readFileSync(path.join(FIX, "x12", name));
      const a = await ingestUpload(tdb.db, viewer, { options: { period: "2026-10" }, source: bytes, fileName: name });
      checkCase(a as never, exp, (r, f) => totals(r as unknown as UploadAnswer, f));
      for (const w of exp.dbWarnings ?? []) expect(a.warnings.some((x) => new RegExp(w).test(x.message)), w).toBe(true);
      const [stored] = asRows<{ n: number }>(await tdb.db.execute(sql`select coalesce(sum(line_count), 0)::int as n from pos_line_blocks where upload_id = ${a.uploadId}::uuid`));
      expect(Number(stored!.n)).toBe(a.kind === "pos_lines" ? a.rowsAccepted : 0);
      if (exp.answered) {
        const b = await ingestUpload(tdb.db, viewer, { options: { period: "2026-10", replaces: a.uploadId, ...exp.answered.options }, source: bytes, fileName: name });
        expect(totals(b, "sold")).toEqual(exp.answered.sold);
        expect(b.needs).toBeUndefined();
        expect(b.counts.duplicates).toBe(exp.answered.duplicates ?? 0);
      }
    });
  }

  it("another partner's file: warned by default, refused (nothing stored) when the admin setting says so; IDs nobody has: warned", async () => {
    const bytes = fs.readFileSync(path.join(FIX, "x12", "12-another-partners-file.edi"));
    const admin = await makeViewer(tdb.db, "admin");
    const s = await getSettings(tdb.db);
    const form = { dueDay: s.dueDay, timeZone: s.timeZone, graceDays: s.graceDays, reminderDaysBefore: s.reminderDaysBefore };
    expect((await updateSettings(tdb.db, admin, { ...form, refuseOtherSender: "on" })).refuseOtherSender).toBe(true);
    const before = asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from uploads`))[0]!.n;
    try {
      await expect(ingestUpload(tdb.db, viewer, { options: { period: "2026-10" }, source: bytes })).rejects.toThrow(
        /sender IDs \(ISA ZZ:ACMEDIST, GS ACMEDIST, DUNS 987654321\) belong to another distributor, not to .*refused.*nothing was stored/,
      );
      expect(asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from uploads`))[0]!.n).toBe(before);
    } finally {
      expect((await updateSettings(tdb.db, admin, { ...form, refuseOtherSender: "off" })).refuseOtherSender).toBe(false);
    }
    // A save without the field (an older form, the API) leaves it as it is.
    expect((await updateSettings(tdb.db, admin, form)).refuseOtherSender).toBe(false);
    const strange = fs.readFileSync(path.join(FIX, "x12", "01-isa-widths-bracket.edi")).toString("latin1").replace("ZZ*NORTHWIND*", "ZZ*NEWVAN*").replace("GS*PT*NORTHWIND*", "GS*PT*NEWVAN*");
    const a = await ingestUpload(tdb.db, viewer, { options: { period: "2026-10" }, source: Buffer.from(strange, "latin1") });
    expect(a.warnings[0]!.message).toMatch(/sender IDs \(ISA ZZ:NEWVAN, GS NEWVAN\) are not among .*'s EDI identities \(ISA ZZ:NORTHWIND, GS NORTHWIND\)/);
    const own = await ingestUpload(tdb.db, viewer, { options: { period: "2026-10" }, source: fs.readFileSync(path.join(FIX, "x12", "07-867-transfer-types.edi")) });
    expect(own.warnings.filter((w) => /sender IDs/.test(w.message))).toEqual([]);
  });

  it("answers arrive as query-string text too (packSizes as JSON)", async () => {
    await setPackSizes(tdb.db, {});
    const bytes = fs.readFileSync(path.join(FIX, "x12", "09-867-units.edi"));
    const a = await ingestUpload(tdb.db, viewer, { options: { period: "2026-10", packSizes: '{"MCU-1010":10,"MCU-2000":250}' }, source: bytes });
    expect(totals(a, "sold")).toEqual({ "MCU-2000": 500, "LDO-330": 17, "MCU-1010": 30 });
    await expect(ingestUpload(tdb.db, viewer, { options: { period: "2026-10", packSizes: '{"MCU-1010":0}' }, source: bytes })).rejects.toThrow(/pack size is at least 1/);
  });
});
