/* `npm run db:migrate`: applies db/migrations as the tables' owner (SELLTHRU_MIGRATION_URL, else DATABASE_URL) or to the embedded database. */
import path from "node:path";
import { openDatabase } from "./open";
import { env } from "@/lib/config/env";

async function main() {
  const e = env();
  const url = e.SELLTHRU_MIGRATION_URL ?? e.DATABASE_URL;
  const database = await openDatabase(
    url ? { kind: "postgres", url } : { kind: "pglite", dataDir: path.resolve(e.SELLTHRU_DATA_DIR, "pglite") },
    { connectAs: "owner" },
  );
  console.log(`Migrations applied (${database.kind}).`);
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
