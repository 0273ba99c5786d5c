/**
 * Seeds the submit-page benchmark into DATABASE_URL (run by ./run.mjs through tsx; safe to re-run):
 * a distributor BENCH with one user and BENCH_SKUS (2,000) products, sell-in in the two latest ended
 * periods, a submitted previous period (so the open period is prefilled from it), the maintained
 * ledger refreshed — all through the app's own schema and data layer. The open period's draft is
 * deleted, so every run starts from the prefill. Prints one JSON line: { period, email, password }.
 */
import { and, eq, sql } from "drizzle-orm";
import { openDatabase } from "../../db/open";
import { asLocalAppLogin, ensureLocalAppLogin } from "../../db/local-app-login";
import * as t from "../../db/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { hashPassword } from "../../lib/auth/password";
import { addPeriods, latestEndedPeriod, periodToDate } from "../../lib/domain/periods";
import { refreshLedger } from "../../lib/dal/ledger/refresh-ledger";
import { ensurePeriods } from "../../lib/dal/periods/ensure-periods";
import { getSettings } from "../../lib/dal/settings/get-settings";
import { submitPeriod } from "../../lib/dal/submissions/submit-period";

const SKUS = Number(process.env.BENCH_SKUS ?? 2000);
const EMAIL = "bench@submit.bench";
const PASSWORD = "sellthru-bench";

async function main() {
  const database = await openDatabase({ kind: "postgres", url: process.env.DATABASE_URL!, pool: 4 }, { connectAs: "owner" });
  const db = database.db;
  const s = await getSettings(db);
  const latest = latestEndedPeriod(new Date(), s.timeZone);
  const previous = addPeriods(latest, -1);
  await ensurePeriods(db, s, addPeriods(latest, -2), latest);

  await db.execute(sql`
    insert into products (sku, description, family, list_price)
    select 'BENCH-' || lpad(g::text, 5, '0'), 'Bench part ' || g || ', ' || (array['QFN-32','LQFP-48','SOT-23','DFN-6'])[1 + g % 4], 'Bench', 1.25
      from generate_series(1, ${SKUS}) g
    on conflict do nothing`);
  await db.insert(t.distributors).values({ code: "BENCH", name: "Bench Distribution" }).onConflictDoNothing();
  const [d] = await db.select().from(t.distributors).where(eq(t.distributors.code, "BENCH"));
  let [u] = await db.select().from(t.users).where(eq(t.users.email, EMAIL));
  if (!u) {
    [u] = await db
      .insert(t.users)
      .values({ email: EMAIL, name: "Bench User", role: "distributor", distributorId: d!.id, passwordHash: await hashPassword(PASSWORD) })
      .returning();
  }
  const viewer: Viewer = {
    userId: u!.id, email: EMAIL, name: "Bench User", role: "distributor",
    distributorId: d!.id, distributorCode: d!.code, distributorName: d!.name, via: "session",
  };

  // Sell-in in both periods (idempotent: document + line are unique).
  for (const p of [previous, latest]) {
    await db.execute(sql`
      insert into movements (distributor_id, product_id, period, type, quantity, document, document_line)
      select ${d!.id}, p.id, ${periodToDate(p)}::date, 'sell_in', 40 + (p.id * 7) % 160, ${`BENCH-${p}`}, p.sku
        from products p where p.sku like 'BENCH-%'
      on conflict do nothing`);
  }

  const skus = (await db.select({ sku: t.products.sku }).from(t.products).where(sql`${t.products.sku} like 'BENCH-%'`).orderBy(t.products.sku)).map((r) => r.sku);
  const [prevSub] = await db
    .select()
    .from(t.submissions)
    .where(and(eq(t.submissions.distributorId, d!.id), eq(t.submissions.period, periodToDate(previous))));
  if (!prevSub) {
    await submitPeriod(db, viewer, {
      period: previous,
      source: "api",
      body: { baseRevision: null, lines: skus.map((sku, i) => ({ sku, sold: 30 + (i * 13) % 90, returned: i % 17 === 0 ? 2 : 0, onHand: 10 + (i * 7) % 60 })) },
    });
  }
  await refreshLedger(db, { distributorIds: [d!.id] }, periodToDate(latest));
  await db.delete(t.submissionDrafts).where(and(eq(t.submissionDrafts.distributorId, d!.id), eq(t.submissionDrafts.period, periodToDate(latest))));
  await db.execute(sql`analyze`);
  // The server connects as production must: the app's own login role (README, Configuration).
  await ensureLocalAppLogin(process.env.DATABASE_URL!);
  const appUrl = asLocalAppLogin(process.env.DATABASE_URL!);
  process.stdout.write(`${JSON.stringify({ period: latest, email: EMAIL, password: PASSWORD, skus: skus.length, appUrl })}\n`);
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
