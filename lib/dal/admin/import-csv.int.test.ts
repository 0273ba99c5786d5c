import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { suiteDatabase } from "@/lib/testing/suite-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { auditLog, distributors, products } from "@/db/schema";
import { importProductsCsv } from "./import-products-csv";
import { importDistributorsCsv } from "./import-distributors-csv";
import { listProducts } from "./list-products";
import { listDistributors } from "./list-distributors";

const tdb = suiteDatabase();
let admin: Viewer;
beforeAll(async () => {
  admin = await makeViewer(tdb.db, "admin");
});

const tag = () => Date.now().toString(36).toUpperCase() + Math.random().toString(36).slice(2, 5).toUpperCase();

describe("importing products from CSV", () => {
  it("creates new SKUs, updates changed ones, skips identical ones and lists bad rows by line", async () => {
    const t = tag();
    const existing = await makeProduct(tdb.db, `OLD-${t}`, "5.00");
    const taken = await makeProduct(tdb.db, `UPC-OWNER-${t}`);
    await tdb.db.update(products).set({ upc: "00000000000099" }).where(eq(products.id, taken.id));
    const csv = [
      "\uFEFFSKU,Description,Family,List_Price,UPC",
      `NEW-${t}-1,Widget one,Widgets,1.25,12345670`,
      `NEW-${t}-2,"Widget, two",Widgets,2,`,
      "",
      `${existing.sku},New description,Test,5.5,`,
      `${taken.sku},${"Part " + taken.sku},Test,1.00,`,
      `BAD-${t},,Widgets,abc,`,
      `NEW-${t}-1,Repeated,Widgets,9,`,
      `CLASH-${t},Wants a taken UPC,Widgets,1,00000000000099`,
      `=cmd|' /C calc'!A0,Injected,Widgets,1,1234`,
    ].join("\r\n");
    const r = await importProductsCsv(tdb.db, admin, csv);
    expect(r).toMatchObject({ created: 2, updated: 1, unchanged: 1 });
    expect(r.errors.map((e) => e.line)).toEqual([7, 8, 9, 10]);
    expect(r.errors[0]!.message).toMatch(/Description is required/);
    expect(r.errors[0]!.message).toMatch(/list_price/);
    expect(r.errors[1]!.message).toMatch(/appears again \(first on line 2\)/);
    expect(r.errors[2]!.message).toMatch(/already belongs to SKU UPC-OWNER/);
    expect(r.errors[3]!.message).toMatch(/UPC\/GTIN has 8 to 14 digits/);

    const [updated] = await tdb.db.select().from(products).where(eq(products.sku, existing.sku));
    expect(updated).toMatchObject({ description: "New description", family: "Test" });
    expect(Number(updated!.listPrice)).toBe(5.5);
    const [two] = await tdb.db.select().from(products).where(eq(products.sku, `NEW-${t}-2`));
    expect(two).toMatchObject({ description: "Widget, two", upc: null });

    // The same file again changes nothing.
    const again = await importProductsCsv(tdb.db, admin, csv);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.errors).toHaveLength(4);

    // A blank UPC keeps the stored one; a new UPC replaces it.
    await importProductsCsv(tdb.db, admin, `sku,description,family,list_price,upc\nNEW-${t}-1,Widget one,Widgets,1.25,`);
    expect((await tdb.db.select().from(products).where(eq(products.sku, `NEW-${t}-1`)))[0]!.upc).toBe("12345670");

    const audit = await tdb.db.select().from(auditLog).where(eq(auditLog.action, "product.import"));
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit[0]!.data).toMatchObject({ created: 2, updated: 1, unchanged: 1, rejected: 4 });
  });

  it("refuses a file without the required columns, and imports nothing", async () => {
    await expect(importProductsCsv(tdb.db, admin, "sku,name\nX,Y")).rejects.toThrow(/header lacks description, family, list_price/);
  });

  it("works without the optional upc column and counts lines across quoted line breaks", async () => {
    const t = tag();
    const r = await importProductsCsv(tdb.db, admin, `sku,description,family,list_price\nML-${t},"two\nlines",F,1\nML2-${t},x,F,-1\n`);
    expect(r.created).toBe(1);
    expect(r.errors).toEqual([{ line: 4, message: expect.stringMatching(/list_price/) }]);
  });

  it("is for admins only", async () => {
    for (const role of ["channel_manager", "rebate_analyst"] as const) {
      const v = await makeViewer(tdb.db, role);
      await expect(importProductsCsv(tdb.db, v, "sku,description,family,list_price\n")).rejects.toBeInstanceOf(AppError);
    }
    const d = await makeDistributor(tdb.db);
    await expect(importProductsCsv(tdb.db, await makeViewer(tdb.db, "distributor", d), "sku\n")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("searches and pages the catalogue on the server", async () => {
    const t = tag();
    const lines = Array.from({ length: 7 }, (_, i) => `PG-${t}-${i},Pager part ${i},Fam_${t},1`);
    await importProductsCsv(tdb.db, admin, ["sku,description,family,list_price", ...lines].join("\n"));
    const p1 = await listProducts(tdb.db, admin, { q: `fam_${t}`, page: 1 }, 3);
    expect(p1).toMatchObject({ total: 7, pageCount: 3, page: 1 });
    expect(p1.rows.map((r) => r.sku)).toEqual([`PG-${t}-0`, `PG-${t}-1`, `PG-${t}-2`]);
    const p3 = await listProducts(tdb.db, admin, { q: `PG-${t}`, page: 99 }, 3);
    expect(p3.page).toBe(3);
    expect(p3.rows.map((r) => r.sku)).toEqual([`PG-${t}-6`]);
    // "_" is a literal, not a wildcard.
    expect((await listProducts(tdb.db, admin, { q: `Fam_${t}`.replace("_", "X"), page: 1 })).total).toBe(0);
  });
});

describe("pack sizes in the catalogue CSV (issue 15)", () => {
  it("imports pack_size, keeps it on a blank cell, updates it when it changes, rejects a bad one by line", async () => {
    const t = tag();
    const r = await importProductsCsv(tdb.db, admin, `sku,description,family,list_price,upc,pack_size\nPK-${t},Reel part,F,1,,3000\nPK2-${t},Loose,F,1,,\nPK3-${t},Bad,F,1,,0\nPK4-${t},Bad,F,1,,2.5`);
    expect(r).toMatchObject({ created: 2, updated: 0 });
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([[4, "pack_size: Pack size is at least 1"], [5, "pack_size: Pack size is a whole number of units"]]);
    const size = async (sku: string) => (await tdb.db.select({ n: products.packSize }).from(products).where(eq(products.sku, sku)))[0]!.n;
    expect([await size(`PK-${t}`), await size(`PK2-${t}`)]).toEqual([3000, null]);
    expect(await importProductsCsv(tdb.db, admin, `sku,description,family,list_price,pack_size\nPK-${t},Reel part,F,1,`)).toMatchObject({ unchanged: 1 });
    expect(await importProductsCsv(tdb.db, admin, `sku,description,family,list_price,pack_size\nPK-${t},Reel part,F,1,4000`)).toMatchObject({ updated: 1 });
    expect(await size(`PK-${t}`)).toBe(4000);
  });
  it("imports pack_sizes per kind of pack (CA=12;BX=6), keeps them on a blank cell, rejects a unit that is no pack by line", async () => {
    const t = tag();
    const r = await importProductsCsv(tdb.db, admin, `sku,description,family,list_price,pack_sizes\nPS-${t},Boxed,F,1,CS=12;BX=6\nPS2-${t},Bad,F,1,EA=1`);
    expect(r).toMatchObject({ created: 1 });
    expect(r.errors.map((e) => e.line)).toEqual([3]);
    expect(r.errors[0]!.message).toMatch(/EA is not a pack unit/);
    const sizes = async () => (await tdb.db.select({ s: products.packSizes }).from(products).where(eq(products.sku, `PS-${t}`)))[0]!.s;
    expect(await sizes()).toEqual({ CA: 12, BX: 6 });
    expect(await importProductsCsv(tdb.db, admin, `sku,description,family,list_price,pack_sizes\nPS-${t},Boxed,F,1,`)).toMatchObject({ unchanged: 1 });
    expect(await importProductsCsv(tdb.db, admin, `sku,description,family,list_price,pack_sizes\nPS-${t},Boxed,F,1,CA:24`)).toMatchObject({ updated: 1 });
    expect(await sizes()).toEqual({ CA: 24 });
  });
});

describe("importing distributors from CSV", () => {
  it("imports EDI identities, normalised, with bad ones reported by line", async () => {
    const t = tag().slice(-6);
    const r = await importDistributorsCsv(tdb.db, admin, [
      "code,name,edi_isa_id,edi_gs_id,duns,gln",
      `E${t},Edi One,zz:northwind${t},nw${t},123456789,0614141000005`,
      `F${t},Edi Two,NORTHWIND,,,`,
      `G${t},Edi Three,,,12345,`,
    ].join("\n"));
    expect(r).toMatchObject({ created: 1 });
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r.errors[0]!.message).toMatch(/qualifier:ID/);
    expect(r.errors[1]!.message).toMatch(/DUNS has 9 digits/);
    const [row] = await tdb.db.select().from(distributors).where(eq(distributors.code, `E${t}`));
    expect(row).toMatchObject({ ediIsaId: `ZZ:NORTHWIND${t}`, ediGsId: `NW${t}`, duns: "123456789", gln: "0614141000005" });
  });

  it("upserts by code, keeps a stored region on a blank cell, and lists bad rows by line", async () => {
    const t = tag().slice(-6);
    const d = await makeDistributor(tdb.db, `X${t}`);
    const csv = [
      "code,name,region",
      `a${t},Alpha Parts,EMEA`,
      `B${t},Beta Supply,`,
      `${d.code},Renamed Co,APAC`,
      `A${t},Alpha again,EMEA`,
      `bad code,Nope,`,
      `C${t},,`,
    ].join("\n");
    const r = await importDistributorsCsv(tdb.db, admin, csv);
    expect(r).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(r.errors.map((e) => e.line)).toEqual([5, 6, 7]);
    expect(r.errors[0]!.message).toMatch(/appears again \(first on line 2\)/);
    expect(r.errors[1]!.message).toMatch(/Letters, digits/);
    expect(r.errors[2]!.message).toMatch(/Name is required/);

    const again = await importDistributorsCsv(tdb.db, admin, csv);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

    await importDistributorsCsv(tdb.db, admin, `code,name\n${d.code},Renamed Co`);
    const [row] = await tdb.db.select().from(distributors).where(eq(distributors.code, d.code));
    expect(row).toMatchObject({ name: "Renamed Co", region: "APAC" });

    const list = await listDistributors(tdb.db, admin);
    expect(list.find((x) => x.code === `A${t}`)).toMatchObject({ name: "Alpha Parts", region: "EMEA", activeUsers: 0 });
  });

  it("is for admins only", async () => {
    const v = await makeViewer(tdb.db, "channel_manager");
    await expect(importDistributorsCsv(tdb.db, v, "code,name\nZZ,Z")).rejects.toMatchObject({ code: "forbidden" });
    await expect(listDistributors(tdb.db, v)).rejects.toMatchObject({ code: "forbidden" });
  });
});
