/**
 * Migrations that move data: 0006/0007 replace one `pos_lines` row per POS line with
 * `pos_line_blocks`. POS lines kept before the upgrade must read back the same afterwards —
 * order, escapes, nulls, prices — through the same reader the API uses.
 * Postgres: a fresh database of its own; PGlite: an in-memory one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { assertLocal, withDatabase } from "@/lib/testing/global-setup";
import { decodePosBlock } from "@/lib/imports/split";
import { asRows } from "./sql-rows";
import { MIGRATIONS_FOLDER, runMigrations } from "./migrate";
import { openDatabase, type Database } from "./open";

const url = process.env.TEST_DATABASE_URL;
const label = url ? "postgres" : "pglite";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sellthru-migrations-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A migrations folder holding only the first `n` migrations (journal included). */
function firstMigrations(n: number): string {
  const dir = path.join(tmp, `first-${n}`);
  fs.mkdirSync(path.join(dir, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, n);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!url) return { database: await openDatabase({ kind: "pglite" }, { migrate: false }), drop: async () => {} };
  assertLocal(url);
  const name = `sellthru_m_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const database = await openDatabase({ kind: "postgres", url: withDatabase(url, name), pool: 1 }, { migrate: false, connectAs: "owner" });
  return {
    database,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe(`migrations (${label})`, () => {
  it("0006 moves POS lines kept before the upgrade into blocks, in order, every field intact", async () => {
    const { database, drop } = await emptyDatabase();
    try {
      await runMigrations(database, firstMigrations(6)); // up to 0005_rls: one row per POS line
      const db = database.db;
      const upload = "6f0c3c53-7c4e-4e34-8d0e-6c1f4d9c7a11";
      const other = "0a7f7e1e-2b7a-4c55-9d0f-3c1a2b3c4d5e";
      await db.execute(sql`insert into pos_lines (upload_id, distributor_id, product_id, source_line, transfer_type, quantity, invoice_date, invoice,
          invoice_line, unit_price, end_customer, ship_to_city, ship_to_state, ship_to_country, distributor_part)
        values (${upload}, 3, 11, 2, 'sell_through', 183, '2026-10-02', 'INV-1', '1', 3.5900, 'Solace Medical', 'Minneapolis', 'MN', 'US', null),
               (${upload}, 3, 12, 3, 'customer_return', -4, null, 'CM-1', null, 12.0000, ${"Back\\slash\tTab"}, ${"Two\nLines\r"}, '', null, 'NW-7'),
               (${other}, 4, 11, 9, 'RV', 5, '2026-10-30', null, null, null, ${"\\N"}, null, null, null, null)`);
      // 4,100 more lines of the first upload: two blocks (4,096 + 6), still in source order.
      await db.execute(sql`insert into pos_lines (upload_id, distributor_id, product_id, source_line, transfer_type, quantity)
        select ${upload}, 3, 11, 3 + g, 'sell_through', g from generate_series(1, 4100) g`);

      await runMigrations(database);

      const blocks = asRows<{ upload_id: string; block_no: number; distributor_id: number; line_count: number; lines: string }>(
        await db.execute(sql`select upload_id, block_no, distributor_id, line_count, lines from pos_line_blocks order by upload_id desc, block_no`),
      );
      expect(blocks.map((b) => [b.upload_id, Number(b.block_no), Number(b.distributor_id), Number(b.line_count)])).toEqual([
        [upload, 0, 3, 4096],
        [upload, 1, 3, 6],
        [other, 0, 4, 1],
      ]);
      const skuOf = (id: number) => ({ 11: "MCU-1000", 12: "LDO-330" })[id];
      const lines = blocks.filter((b) => b.upload_id === upload).flatMap((b) => decodePosBlock(b.lines, skuOf));
      expect(lines).toHaveLength(4102);
      expect(lines.map((l) => l.sourceLine)).toEqual(Array.from({ length: 4102 }, (_, i) => i + 2));
      expect(lines[0]).toEqual({
        sku: "MCU-1000", sourceLine: 2, transferType: "sell_through", quantity: 183, invoiceDate: "2026-10-02", invoice: "INV-1", invoiceLine: "1",
        unitPrice: "3.59", endCustomer: "Solace Medical", shipToCity: "Minneapolis", shipToState: "MN", shipToCountry: "US", distributorPart: null,
      });
      expect(lines[1]).toEqual({
        sku: "LDO-330", sourceLine: 3, transferType: "customer_return", quantity: -4, invoiceDate: null, invoice: "CM-1", invoiceLine: null,
        unitPrice: "12", endCustomer: "Back\\slash\tTab", shipToCity: "Two\nLines\r", shipToState: "", shipToCountry: null, distributorPart: "NW-7",
      });
      expect(decodePosBlock(blocks[2]!.lines, skuOf)).toEqual([expect.objectContaining({ sku: "MCU-1000", transferType: "RV", endCustomer: "\\N", unitPrice: null })]);
      const [gone] = asRows<{ t: string | null }>(await db.execute(sql`select to_regclass('pos_lines')::text as t`));
      expect(gone!.t).toBeNull();
    } finally {
      await database.close();
      await drop();
    }
  }, 60_000);
});
