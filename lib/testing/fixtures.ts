/** Small builders for integration tests: real rows through the same tables the app uses. */
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/open";
import * as t from "../../db/schema";
import type { Viewer, Role } from "../auth/viewer";
import { periodToDate } from "../domain/periods";
import { num, rows as listRows, str } from "@/db/sql-rows";

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

export async function makeDistributor(db: Queryable, code = "D" + uniq().slice(-8)) {
  const [d] = await db.insert(t.distributors).values({ code, name: `Distributor ${code}` }).returning();
  return d!;
}

export async function makeProduct(db: Queryable, sku = "SKU-" + uniq(), listPrice = "1.00") {
  const [p] = await db.insert(t.products).values({ sku, description: `Part ${sku}`, family: "Test", listPrice }).returning();
  return p!;
}

/** Units per case of the given SKUs; every other product's pack size becomes unknown. */
export async function setPackSizes(db: Queryable, sizes: Record<string, number>): Promise<void> {
  await db.update(t.products).set({ packSize: null });
  for (const [sku, n] of Object.entries(sizes)) await db.update(t.products).set({ packSize: n }).where(eq(t.products.sku, sku));
}

/** A user row and its Viewer (password hash is a placeholder: these users do not sign in). */
export async function makeViewer(db: Queryable, role: Role, distributor?: { id: number; code: string; name: string }): Promise<Viewer> {
  const email = `${role}-${uniq().toLowerCase()}@test.local`;
  const [u] = await db
    .insert(t.users)
    .values({ email, name: role, role, passwordHash: "none", distributorId: role === "distributor" ? distributor!.id : null })
    .returning();
  return {
    userId: u!.id, email, name: role, role,
    distributorId: role === "distributor" ? distributor!.id : null,
    distributorCode: role === "distributor" ? distributor!.code : null,
    distributorName: role === "distributor" ? distributor!.name : null,
    via: "session",
  };
}

/** A distributor and a signed-in user of it. */
export async function makeTenant(db: Queryable) {
  const d = await makeDistributor(db);
  const v = await makeViewer(db, "distributor", d);
  return { d, v };
}

/** Staff users of the given roles, made one after another. */
export async function makeViewers<R extends Role[]>(db: Queryable, ...roles: R): Promise<{ [K in keyof R]: Viewer }> {
  const out: Viewer[] = [];
  for (const role of roles) out.push(await makeViewer(db, role));
  return out as { [K in keyof R]: Viewer };
}

export async function addMovement(
  db: Queryable,
  m: { distributorId: number; productId: number; period: string; type: (typeof t.movementTypeEnum.enumValues)[number]; quantity: number; document?: string; line?: string },
) {
  await db.insert(t.movements).values({
    distributorId: m.distributorId, productId: m.productId, period: periodToDate(m.period), type: m.type, quantity: m.quantity,
    document: m.document ?? null, documentLine: m.line ?? null,
  });
}

/** Writes a submission revision directly (bypassing the submit verb) for ledger tests. */
export async function addRevision(
  db: Queryable,
  s: { distributorId: number; period: string; userId: string; submittedAt?: Date; lines: { productId: number; sold: number; returned: number; onHand: number }[] },
) {
  const period = periodToDate(s.period);
  const at = s.submittedAt ?? new Date();
  const rows = await listRows(db, sql`select id, latest_revision from submissions where distributor_id = ${s.distributorId} and period = ${period}`,
    (r) => ({ id: str(r.id), latest_revision: num(r.latest_revision) }));
  let id = rows[0]?.id;
  const revision = (rows[0]?.latest_revision ?? 0) + 1;
  if (!id) {
    const [sub] = await db
      .insert(t.submissions)
      .values({ distributorId: s.distributorId, period, firstSubmittedAt: at, timeliness: "on_time", latestRevision: 0, latestRevisionId: "00000000-0000-0000-0000-000000000000" })
      .returning();
    id = sub!.id;
  }
  const [rev] = await db
    .insert(t.submissionRevisions)
    .values({
      submissionId: id, revision, submittedAt: at, submittedBy: s.userId, source: "api",
      totalSold: s.lines.reduce((a, l) => a + l.sold, 0), totalReturned: s.lines.reduce((a, l) => a + l.returned, 0),
      totalOnHand: s.lines.reduce((a, l) => a + l.onHand, 0), lineCount: s.lines.length,
    })
    .returning();
  if (s.lines.length) await db.insert(t.submissionLines).values(s.lines.map((l) => ({ ...l, revisionId: rev!.id })));
  await db.execute(sql`update submissions set latest_revision = ${revision}, latest_revision_id = ${rev!.id} where id = ${id}`);
  return { submissionId: id, revisionId: rev!.id, revision };
}

/** A distributor × product with `sellIn` shipped and `sold` / `onHand` reported in `period`, its ledger computed (the worked example: 1000, 700, 240). */
export async function makeGapRow(db: Queryable, period: string, sellIn = 1000, sold = 700, onHand = 240) {
  const { refreshLedger } = await import("../dal/ledger/refresh-ledger");
  const d = await makeDistributor(db);
  const p = await makeProduct(db);
  const v = await makeViewer(db, "distributor", d);
  await addMovement(db, { distributorId: d.id, productId: p.id, period, type: "sell_in", quantity: sellIn });
  await addRevision(db, { distributorId: d.id, period, userId: v.userId, lines: [{ productId: p.id, sold, returned: 0, onHand }] });
  await refreshLedger(db, { distributorIds: [d.id], productIds: [p.id] }, `${period}-01`);
  return { d, p, v };
}
