/**
 * Times `submitPeriod` for the BENCH distributor's 2,000 lines directly in Node (no HTTP, no JSON
 * parsing of a request), against DATABASE_URL, and the maintained-ledger refresh it includes on its
 * own. Run by ./run.mjs after seed.ts; prints one JSON line { submitMs: [...], refreshMs: [...] }.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/open";
import { asLocalAppLogin } from "../../db/local-app-login";
import { SYSTEM, withDbContext } from "../../db/rls";
import * as t from "../../db/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { periodToDate } from "../../lib/domain/periods";
import { refreshLedger } from "../../lib/dal/ledger/refresh-ledger";
import { getSubmissionView } from "../../lib/dal/submissions/get-submission-view";
import { submitPeriod } from "../../lib/dal/submissions/submit-period";

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const period = process.argv[2]!;
  const database = await openDatabase({ kind: "postgres", url: asLocalAppLogin(process.env.DATABASE_URL!), pool: 4 }, { migrate: false });
  const db = database.db;
  // As the app runs: the role sellthru_app, each call in a transaction carrying its viewer (RLS).
  const [u, d] = await withDbContext(db, SYSTEM, async (tx) => [
    (await tx.select().from(t.users).where(eq(t.users.email, "bench@submit.bench")))[0],
    (await tx.select().from(t.distributors).where(eq(t.distributors.code, "BENCH")))[0],
  ] as const);
  const viewer: Viewer = {
    userId: u!.id, email: u!.email, name: u!.name, role: "distributor",
    distributorId: d!.id, distributorCode: d!.code, distributorName: d!.name, via: "session",
  };
  const submitMs: number[] = [];
  const viewMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = now();
    const ctx = { role: "distributor", distributorId: d!.id, userId: u!.id } as const;
    const v = await withDbContext(db, ctx, (tx) => getSubmissionView(tx, viewer, { period }));
    viewMs.push(now() - t0);
    const lines = v.lines.map((l) => ({ sku: l.sku, sold: l.sold + (i % 2), returned: l.returned, onHand: l.onHand }));
    t0 = now();
    await withDbContext(db, ctx, (tx) =>
      submitPeriod(tx, viewer, { period, body: { baseRevision: v.revision, lines }, source: "api", idempotencyKey: randomUUID() }),
    );
    submitMs.push(now() - t0);
  }
  const refreshMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = now();
    await withDbContext(db, SYSTEM, (tx) => refreshLedger(tx, { distributorIds: [d!.id] }, periodToDate(period)));
    refreshMs.push(now() - t0);
  }
  process.stdout.write(`${JSON.stringify({ submitMs, refreshMs, viewMs })}\n`);
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
