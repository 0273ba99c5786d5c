/* `npm run db:migrate`: applies db/migrations to DATABASE_URL or the embedded database. */
import path from "node:path";
import { openDatabase } from "./open";
import { env } from "@/lib/config/env";

async function main() {
  const e = env();
  const database = await openDatabase(
    e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dataDir: path.resolve(e.SELLTHRU_DATA_DIR, "pglite") },
    { connectAs: "owner" },
  );
  console.log(`Migrations applied (${database.kind}).`);
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
