/**
 * "A server killed during an upload leaves no half-applied data": a child Node process opens this
 * file's database and runs the real `ingestUpload` on a 200,000-line CSV; once POS lines are
 * streaming into the upload's open transaction (blocks of lines inserted — on Postgres checked by
 * the lock the INSERT holds until commit) the child is SIGKILLed. Afterwards there is
 * no `uploads` row, no `pos_line_blocks` row, no audit entry and no remembered mapping for that
 * distributor, no orphaned POS line anywhere, and the next upload works.
 *
 * Postgres: the same database the test reads; the store transaction is open (its COPY streaming)
 * when the child dies. PGlite (in-process): a data directory the child opens; there the blocks are
 * held until the parse is over (a PGlite transaction would hold every request), so the kill lands
 * before the store transaction; the parent reopens the directory (crash recovery) and checks the same.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { generatePosCsv } from "@/bench/ingest/generate";
import { openDatabase, type DatabaseTarget, type Db } from "@/db/open";
import * as t from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { makeDistributor, makeViewer } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-db";
import { asRows } from "@/db/sql-rows";
import { ingestUpload } from "./ingest-upload";

const onPostgres = !!process.env.TEST_DATABASE_URL;
const label = onPostgres ? "postgres" : "pglite";
const SKUS = ["MCU-1000", "MCU-1010", "MCU-2000", "PMIC-220", "LDO-330", "BUCK-510", "SNS-ACC-3", "SNS-GYR-6", "IF-CAN-10", "MEM-FL-16"];
const ROOT = path.resolve(__dirname, "../../..");
const CHILD = path.join(ROOT, "lib/testing/upload-child.ts");

let tmp: string;
let bigCsv: string;
let smallCsv: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sellthru-kill-"));
  bigCsv = path.join(tmp, "big.csv");
  smallCsv = path.join(tmp, "small.csv");
  await generatePosCsv(bigCsv, 200_000);
  await generatePosCsv(smallCsv, 2_000);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function setUp(db: Db) {
  await db.insert(t.products).values(SKUS.map((sku) => ({ sku, description: sku, family: sku.split("-")[0]!, listPrice: "1.00" }))).onConflictDoNothing();
  const d = await makeDistributor(db);
  const v = await makeViewer(db, "distributor", d);
  return { d, v };
}

/** Starts the child; resolves once it printed "streaming" (rejects if it exits or prints "done" first). */
function startChild(target: DatabaseTarget, viewer: Viewer, signalAfter: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    cwd: ROOT,
    env: { ...process.env, FAULT_CHILD: JSON.stringify({ target, viewer, file: bigCsv, period: "2026-10", signalAfter }) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child did not start streaming in 40 s\n${out}\n${err}`));
    }, 40_000);
    child.stderr!.on("data", (b: Buffer) => (err += b.toString()));
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("streaming\n")) {
        clearTimeout(timer);
        resolve(child);
      } else if (out.includes("done")) {
        clearTimeout(timer);
        reject(new Error("the upload finished before it could be killed"));
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code ?? signal}) before streaming\n${out}\n${err}`));
    });
  });
}

async function kill(child: ChildProcess) {
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

async function leftovers(db: Db, distributorId: number) {
  const [row] = asRows<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from uploads where distributor_id = ${distributorId}) as uploads,
      (select coalesce(sum(line_count), 0)::int from pos_line_blocks where distributor_id = ${distributorId}) as "posLines",
      (select count(*)::int from pos_line_blocks p where not exists (select 1 from uploads u where u.id = p.upload_id)) as orphans,
      (select count(*)::int from audit_log where distributor_id = ${distributorId} and action = 'upload.create') as audit,
      (select count(*)::int from column_mappings where distributor_id = ${distributorId}) as mappings`),
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

async function uploadWorks(db: Db, viewer: Viewer, distributorId: number) {
  const answer = await ingestUpload(db, viewer, { options: { period: "2026-10" }, source: fs.readFileSync(smallCsv), fileName: "after.csv" });
  expect(answer).toMatchObject({ rowsRead: 2000, rowsAccepted: 2000 });
  expect(await leftovers(db, distributorId)).toEqual({ uploads: 1, posLines: 2000, orphans: 0, audit: 1, mappings: 0 });
}

describe(`a server killed during an upload (${label})`, () => {
  it.skipIf(!onPostgres)("leaves no upload, no POS line and no orphan; the next upload works (Postgres, killed mid-upload)", async () => {
    const tdb = await createTestDatabase();
    try {
      const { d, v } = await setUp(tdb.db);
      const child = await startChild({ kind: "postgres", url: tdb.url!, pool: 2 }, v, 20);
      // Blocks of lines are on the server, inside the open transaction, when the process dies: its
      // backend is in the middle of the COPY (into pos_line_blocks, or under row-level security into
      // its temporary staging table, which other sessions cannot see: pos-sink.ts).
      const holders = async () => {
        const [r] = asRows<{ n: number }>(
          await (await tdb.owner()).execute(sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query ilike 'copy %pos%blocks%'`),
        );
        return Number(r!.n);
      };
      for (let i = 0; i < 100 && (await holders()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await holders()).toBe(1);
      await kill(child);
      console.log("[postgres] child killed with POS line blocks inserted in its open transaction");

      // Postgres notices the dead client and rolls back; wait until its transaction is gone (5 s at most).
      for (let i = 0; i < 100 && (await holders()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await leftovers(tdb.db, d.id)).toEqual({ uploads: 0, posLines: 0, orphans: 0, audit: 0, mappings: 0 });
      await uploadWorks(tdb.db, v, d.id);
    } finally {
      await tdb.close();
    }
  });

  it.skipIf(onPostgres)("leaves no upload, no POS line and no orphan; the next upload works (PGlite data directory, reopened after the kill)", async () => {
    const dataDir = path.join(tmp, "pglite");
    let database = await openDatabase({ kind: "pglite", dataDir });
    const { d, v } = await setUp(database.db);
    await database.close();
    // 12 batches of 1,000 read: two blocks of 4,096 lines built and held (nothing in the database yet).
    const child = await startChild({ kind: "pglite", dataDir }, v, 12);
    await kill(child);
    database = await openDatabase({ kind: "pglite", dataDir }, { migrate: false });
    try {
      expect(await leftovers(database.db, d.id)).toEqual({ uploads: 0, posLines: 0, orphans: 0, audit: 0, mappings: 0 });
      await uploadWorks(database.db, v, d.id);
    } finally {
      await database.close();
    }
  }, 120_000); // a fresh PGlite data directory takes 6–20 s to initialise and migrate on a busy machine
});
