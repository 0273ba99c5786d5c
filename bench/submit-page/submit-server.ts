/**
 * Times `submitPeriod` for the BENCH distributor's 2,000 lines directly in Node (no HTTP, no JSON
 * parsing of a request), against DATABASE_URL, and the maintained-ledger refresh it includes on its
 * own. Run by ./run.mjs after seed.ts; prints one JSON line { submitMs: [...], refreshMs: [...] }.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/open";
import * as t from "../../db/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { periodToDate } from "../../lib/domain/periods";
import { refreshLedger } from "../../lib/dal/ledger/refresh-ledger";
import { getSubmissionView } from "../../lib/dal/submissions/get-submission-view";
import { submitPeriod } from "../../lib/dal/submissions/submit-period";

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const period = process.argv[2]!;
  const database = await openDatabase({ kind: "postgres", url: process.env.DATABASE_URL!, pool: 4 }, { migrate: false });
  const db = database.db;
  const [u] = await db.select().from(t.users).where(eq(t.users.email, "bench@submit.bench"));
  const [d] = await db.select().from(t.distributors).where(eq(t.distributors.code, "BENCH"));
  const viewer: Viewer = {
    userId: u!.id, email: u!.email, name: u!.name, role: "distributor",
    distributorId: d!.id, distributorCode: d!.code, distributorName: d!.name, via: "session",
  };
  const submitMs: number[] = [];
  const viewMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = now();
    const v = await getSubmissionView(db, viewer, { period });
    viewMs.push(now() - t0);
    const lines = v.lines.map((l) => ({ sku: l.sku, sold: l.sold + (i % 2), returned: l.returned, onHand: l.onHand }));
    t0 = now();
    await submitPeriod(db, viewer, { period, body: { baseRevision: v.revision, lines }, source: "api", idempotencyKey: randomUUID() });
    submitMs.push(now() - t0);
  }
  const refreshMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = now();
    await db.transaction((tx) => refreshLedger(tx, { distributorIds: [d!.id] }, periodToDate(period)));
    refreshMs.push(now() - t0);
  }
  process.stdout.write(`${JSON.stringify({ submitMs, refreshMs, viewMs })}\n`);
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
