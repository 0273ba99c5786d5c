import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { suiteDatabase } from "@/lib/testing/suite-db";
import { makeDistributor, makeProduct, makeViewer } from "@/lib/testing/fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { auditQuerySchema } from "@/lib/validation/admin-csv";
import { createUser } from "../admin/create-user";
import { updateUser } from "../admin/update-user";
import { loadSellIn } from "../sell-in/load-sell-in";
import { listAudit, listAuditActions } from "./list-audit";
import { recordAudit } from "./record-audit";

const tdb = suiteDatabase();
let admin: Viewer;
beforeAll(async () => {
  admin = await makeViewer(tdb.db, "admin");
});

const q = (raw: Record<string, string> = {}) => auditQuerySchema.parse(raw);

describe("the audit log", () => {
  it("lists what the DAL records, newest first, filterable by action, actor, distributor and date", async () => {
    const d = await makeDistributor(tdb.db);
    const other = await makeDistributor(tdb.db);
    const p = await makeProduct(tdb.db);
    await loadSellIn(tdb.db, admin, `distributor_code,sku,ship_date,quantity,document,line\n${d.code},${p.sku},2026-03-02,10,AUD-1,1\n`);
    const email = `audit-${Date.now()}@test.local`;
    await createUser(tdb.db, admin, { email, name: "Audited", role: "distributor", distributorCode: d.code, password: "a-long-password-1" });
    await updateUser(tdb.db, admin, email, { active: false });
    await recordAudit(tdb.db, { userId: admin.userId, email: "someone-else@test.local" }, "token.create", { distributorId: other.id, subject: "t1" });

    const all = await listAudit(tdb.db, admin, q());
    expect(all.rows.slice(0, 4).map((r) => r.action)).toEqual(["token.create", "user.update", "user.create", "sell_in.load"]);
    expect(all.rows[1]).toMatchObject({ actorEmail: admin.email, subject: email, distributorCode: d.code, data: { active: false } });
    expect(all.rows[3]!.data).toMatchObject({ loaded: 1, duplicates: 0, errors: 0 });

    expect((await listAudit(tdb.db, admin, q({ action: "user.update" }))).rows.map((r) => r.subject)).toEqual([email]);
    expect((await listAudit(tdb.db, admin, q({ distributor: d.code.toLowerCase() }))).rows.map((r) => r.action)).toEqual(["user.update", "user.create"]);
    expect((await listAudit(tdb.db, admin, q({ actor: "SOMEONE-else" }))).rows.map((r) => r.action)).toEqual(["token.create"]);
    expect((await listAudit(tdb.db, admin, q({ actor: "%" }))).rows).toHaveLength(0);

    // The app may only append to the audit log (row-level security): backdate as the owner.
    await (await tdb.owner()).execute(sql`update audit_log set at = '2025-01-15T12:00:00Z' where action = 'sell_in.load'`);
    expect((await listAudit(tdb.db, admin, q({ from: "2025-01-15", to: "2025-01-15" }))).rows.map((r) => r.action)).toEqual(["sell_in.load"]);
    expect((await listAudit(tdb.db, admin, q({ to: "2025-01-14" }))).rows).toHaveLength(0);
    expect((await listAudit(tdb.db, admin, q({ from: "2025-01-16" }))).rows.map((r) => r.action)).not.toContain("sell_in.load");

    expect(await listAuditActions(tdb.db, admin)).toEqual(expect.arrayContaining(["sell_in.load", "token.create", "user.create", "user.update"]));
  });

  it("pages by id without skipping or repeating entries", async () => {
    for (let i = 0; i < 7; i++) await recordAudit(tdb.db, admin, "page.test", { subject: String(i) });
    const seen: string[] = [];
    let before: number | null | undefined;
    let pages = 0;
    do {
      const page = await listAudit(tdb.db, admin, q({ action: "page.test", limit: "3", ...(before ? { before: String(before) } : {}) }));
      seen.push(...page.rows.map((r) => r.subject!));
      before = page.nextCursor;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toEqual(["6", "5", "4", "3", "2", "1", "0"]);
  });

  it("is for admins only", async () => {
    for (const role of ["channel_manager", "rebate_analyst"] as const) {
      const v = await makeViewer(tdb.db, role);
      await expect(listAudit(tdb.db, v, q())).rejects.toMatchObject({ code: "forbidden" });
    }
  });
});
