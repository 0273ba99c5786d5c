import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { openDatabase, type Database, type Db } from "../../db/open";
import { assertLocal, withDatabase } from "./global-setup";
import { asLocalAppLogin } from "../../db/local-app-login";

export interface TestDatabase extends Database {
  label: string;
  /**
   * As the tables' owner, to which row-level security does not apply: for what the app itself may
   * not do (backdating the append-only audit log, watching or ending other sessions in
   * pg_stat_activity). PGlite: the same handle.
   */
  owner(): Promise<Db>;
  /** Postgres: the URL as the tables' owner (the TEST_DATABASE_URL user); `url` is the app's login role. */
  ownerUrl?: string;
}

/** A fresh, migrated database of its own: a Postgres copy of the template, or an in-memory PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  const template = process.env.SELLTHRU_TEST_TEMPLATE;
  if (!url || !template) {
    const dump = process.env.SELLTHRU_TEST_PGLITE_DUMP;
    const loadDataDir = dump ? new Blob([await readFile(dump)]) : undefined;
    const db = await openDatabase({ kind: "pglite", loadDataDir });
    return { ...db, label: "pglite", owner: async () => db.db };
  }
  assertLocal(url);
  const name = `sellthru_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  // As the app connects: a login role that is neither the owner nor a superuser (so RLS cannot be lifted).
  const db = await openDatabase({ kind: "postgres", url: asLocalAppLogin(withDatabase(url, name)), pool: 4 }, { migrate: false, connectAs: "system" });
  let owner: Database | undefined;
  return {
    ...db,
    label: "postgres",
    ownerUrl: withDatabase(url, name),
    async owner() {
      owner ??= await openDatabase({ kind: "postgres", url: withDatabase(url, name), pool: 1 }, { migrate: false, connectAs: "owner" });
      return owner.db;
    },
    async close() {
      await owner?.close();
      await db.close();
      const a = postgres(url, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
