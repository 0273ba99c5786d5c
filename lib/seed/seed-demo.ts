import { sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open";
import * as t from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { addPeriods, dueAt, latestEndedPeriod, periodToDate } from "@/lib/domain/periods";
import { timeliness } from "@/lib/domain/compliance";
import { rollLedger } from "@/lib/dal/ledger/roll-ledger";
import { openAutomaticExceptions } from "@/lib/dal/exceptions/open-exception";
import { updateMissingSkus } from "@/lib/dal/submissions/missing-skus";
import { ensurePeriods } from "@/lib/dal/periods/ensure-periods";
import { firstRow, num } from "@/db/sql-rows";
import { buildDemoData, type DemoData } from "./demo";
import { scoreDemoRevisions } from "./score-demo";
import { demoBookCost } from "./demo/claims-cast";

export const DEMO_PASSWORD = "sellthru-demo";
const BATCH = 2000;

async function insertBatched<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Seeds the demo when the database has no distributor yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(db: Db, today = new Date()): Promise<boolean> {
  const row = await firstRow(db, sql`select count(*)::int as n from distributors`, (r) => ({ n: num(r.n) }));
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db, buildDemoData(today), today);
  return true;
}

/** `claims: false` leaves ship & debit out (its test seeds it on its own, lib/seed/seed-claims.int.test.ts). */
export async function seedDemo(db: Db, data: DemoData, today = new Date(), opts: { claims?: boolean } = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727003)`);
    const s = { id: 1, manufacturerName: data.manufacturer, timeZone: "UTC", dueDay: 10 };
    await tx.insert(t.settings).values(s).onConflictDoNothing();
    const dist = await tx
      .insert(t.distributors)
      .values(data.distributors.map((d) => ({ code: d.code, name: d.name, region: d.region })))
      .returning({ id: t.distributors.id, code: t.distributors.code });
    const dId = new Map(dist.map((d) => [d.code, d.id]));
    const prods: { id: number; sku: string }[] = [];
    await insertBatched(data.products, async (chunk) =>
      prods.push(...(await tx.insert(t.products).values(chunk).returning({ id: t.products.id, sku: t.products.sku }))),
    );
    const pId = new Map(prods.map((p) => [p.sku, p.id]));
    const us = await tx
      .insert(t.users)
      .values(data.users.map((u) => ({ email: u.email, name: u.name, role: u.role, passwordHash, distributorId: u.distributorCode ? dId.get(u.distributorCode)! : null })))
      .returning({ id: t.users.id, email: t.users.email });
    const uId = new Map(us.map((u) => [u.email, u.id]));
    await tx.insert(t.partXrefs).values(data.xrefs.map((x) => ({ distributorId: dId.get(x.distributorCode)!, distributorPart: x.distributorPart, productId: pId.get(x.sku)! })));

    const current = addPeriods(latestEndedPeriod(today, "UTC"), 1);
    await ensurePeriods(tx, s, data.periods[0]!, current);
    await seedMovements(tx, data, dId, pId);
    await seedSubmissions(tx, data, dId, pId, uId, s);
    // The ledger as the job builds it on a new database (computed from history once, periods marked
    // built), then the automatic exceptions of the latest ended period — what the submissions of that
    // month would have opened had they come in through the app.
    await rollLedger(tx, today);
    await scoreDemoRevisions(tx, latestEndedPeriod(today, "UTC"));
    await openAutomaticExceptions(tx, { period: latestEndedPeriod(today, "UTC") });
    await updateMissingSkus(tx);
    await (await import("./seed-rebates")).seedRebates(tx, today);
    if (opts.claims !== false) await (await import("./seed-claims")).seedClaims(tx, today);
  });
}

async function seedMovements(tx: Queryable, data: DemoData, dId: Map<string, number>, pId: Map<string, number>) {
  // Shipments carry the distributor's book cost (ship & debit claims are checked against it).
  const cost = new Map(data.products.map((p) => [p.sku, demoBookCost(p.listPrice)]));
  const shipments = data.shipments.map((m) => ({
    distributorId: dId.get(m.distributorCode)!, productId: pId.get(m.sku)!, type: "sell_in" as const, quantity: m.quantity,
    period: m.shipDate.slice(0, 7) + "-01", occurredOn: m.shipDate, document: m.document, documentLine: String(m.line), unitCost: cost.get(m.sku)!,
  }));
  await insertBatched(shipments, (chunk) => tx.insert(t.movements).values(chunk));
  const adjustments = data.adjustments.map((a) => ({
    distributorId: dId.get(a.distributorCode)!, productId: pId.get(a.sku)!, type: a.type, quantity: a.quantity,
    period: periodToDate(a.period), reason: a.reason,
  }));
  if (adjustments.length) await tx.insert(t.movements).values(adjustments);
}

async function seedSubmissions(
  tx: Queryable, data: DemoData, dId: Map<string, number>, pId: Map<string, number>, uId: Map<string, string>,
  s: { dueDay: number; timeZone: string },
) {
  const subIds = new Map<string, { id: string; revision: number }>();
  const lines: (typeof t.submissionLines.$inferInsert)[] = [];
  for (const sub of data.submissions) {
    const key = `${sub.distributorCode}|${sub.period}`;
    const submittedAt = new Date(sub.submittedAt);
    let head = subIds.get(key);
    if (!head) {
      const tl = timeliness(submittedAt, dueAt(sub.period, s));
      const [row] = await tx
        .insert(t.submissions)
        .values({
          distributorId: dId.get(sub.distributorCode)!, period: periodToDate(sub.period), firstSubmittedAt: submittedAt,
          timeliness: tl.timeliness, daysLate: tl.daysLate, latestRevision: 0, latestRevisionId: "00000000-0000-0000-0000-000000000000",
        })
        .returning({ id: t.submissions.id });
      head = { id: row!.id, revision: 0 };
      subIds.set(key, head);
    }
    head.revision += 1;
    const [rev] = await tx
      .insert(t.submissionRevisions)
      .values({
        submissionId: head.id, revision: head.revision, submittedAt, submittedBy: uId.get(sub.submittedBy)!, source: sub.source,
        totalSold: sub.lines.reduce((a, l) => a + l.sold, 0), totalReturned: sub.lines.reduce((a, l) => a + l.returned, 0),
        totalOnHand: sub.lines.reduce((a, l) => a + l.onHand, 0), lineCount: sub.lines.length,
      })
      .returning({ id: t.submissionRevisions.id });
    await tx.execute(sql`update submissions set latest_revision = ${head.revision}, latest_revision_id = ${rev!.id} where id = ${head.id}`);
    for (const l of sub.lines) {
      lines.push({ revisionId: rev!.id, productId: pId.get(l.sku)!, sold: l.sold, returned: l.returned, onHand: l.onHand, note: l.note ?? null });
    }
  }
  await insertBatched(lines, (chunk) => tx.insert(t.submissionLines).values(chunk));
}
