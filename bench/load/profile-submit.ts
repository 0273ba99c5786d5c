/**
 * Where a 200-line submission's time goes (after bench/load has filled its database): submits
 * `PROFILE_N` (20) revisions through submitPeriod, in the viewer's transaction as the API does, one
 * after another, and prints each one's wall time. Run with the server stopped; pair it with
 * Postgres's `log_min_duration_statement` to see the statements.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sellthru_bench_load npx tsx bench/load/profile-submit.ts
 */
import postgres from "postgres";
import { openAsLocalApp } from "../../db/local-app-login";
import { sql } from "drizzle-orm";
import { withDbContext } from "../../db/rls";
import { asRows } from "../../db/sql-rows";
import type { Viewer } from "../../lib/auth/viewer";
import { submitPeriod } from "../../lib/dal/submissions/submit-period";
import { latestEndedPeriod } from "../../lib/domain/periods";

const url = process.env.DATABASE_URL!;
const N = Number(process.env.PROFILE_N ?? 20);

async function main() {
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  const users = await owner<{ id: string; email: string; name: string; distributor_id: number; code: string }[]>`
    select u.id, u.email, u.name, u.distributor_id, d.code from users u join distributors d on d.id = u.distributor_id order by d.id limit ${N}`;
  const skus = (await owner<{ sku: string }[]>`select sku from products order by sku`).map((r) => r.sku);
  await owner.end();
  const database = await openAsLocalApp(url, 4);
  const period = latestEndedPeriod(new Date(), "UTC");
  const times: number[] = [];
  for (const [i, u] of users.entries()) {
    const viewer: Viewer = { userId: u.id, email: u.email, name: u.name, role: "distributor", distributorId: u.distributor_id, distributorCode: u.code, distributorName: u.code, via: "token" };
    const body = { baseRevision: null as number | null, lines: skus.map((sku, j) => ({ sku, sold: (i + j + 3) % 90, returned: 0, onHand: 40 + ((i * j) % 30) })) };
    const t0 = performance.now();
    await withDbContext(database.db, { role: "distributor", distributorId: u.distributor_id, userId: u.id }, async (tx) => {
      const [latest] = asRows<{ r: number }>(await tx.execute(sql`select latest_revision as r from submissions where distributor_id = ${u.distributor_id} and period = ${`${period}-01`}::date`));
      return submitPeriod(tx, viewer, { period, body: { ...body, baseRevision: latest ? Number(latest.r) : null }, source: "api" });
    }).catch((e) => console.error(String(e)));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`submitPeriod, ${skus.length} lines, ${times.length} runs: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}`);
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
