/* `npm run db:seed -- --demo`: migrates and seeds the demo into DATABASE_URL or the embedded database. */
import path from "node:path";
import { openDatabase } from "@/db/open";
import { seedDemoIfEmpty } from "./seed-demo";
import { env } from "@/lib/config/env";

async function main() {
  if (!process.argv.includes("--demo")) {
    console.error("Usage: npm run db:seed -- --demo   (seeds the demo data into an empty database)");
    process.exit(2);
  }
  const e = env();
  const database = await openDatabase(
    e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dataDir: path.resolve(e.SELLTHRU_DATA_DIR, "pglite") },
    { connectAs: "system", migrationUrl: e.SELLTHRU_MIGRATION_URL },
  );
  const started = Date.now();
  const seeded = await seedDemoIfEmpty(database.db);
  console.log(seeded ? `Demo data seeded in ${Date.now() - started} ms (${database.kind}).` : "The database already has distributors; nothing seeded.");
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
