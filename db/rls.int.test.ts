/**
 * Row-level security, the second wall (README "Row-level security"): on real Postgres, as the app's
 * own pool (role sellthru_app), a query that forgets its tenant filter still sees only the viewer's
 * distributor. PGlite runs as its superuser, where policies never apply: skipped there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { makeDistributor, makeProduct, makeViewer, addRevision } from "@/lib/testing/fixtures";
import { asRows } from "./sql-rows";
import { openDatabase, type Database, type Queryable } from "./open";
import { AUTH, asSystem, withDbContext, type DbContext } from "./rls";
import { openPosSink } from "@/lib/dal/uploads/pos-sink";

const onPostgres = !!process.env.TEST_DATABASE_URL;
const why = onPostgres ? "postgres" : "skipped on PGlite: it runs as a superuser, which row-level security never applies to";

/**
 * Every table that holds a distributor's data, with the column that tells whose a row is: the
 * distributor id itself, or the id of the parent row that carries it. Seeded with one row for A and
 * one for B each.
 */
const TABLES = [
  "distributors", "users", "api_tokens", "idempotency_keys", "submissions", "submission_revisions", "submission_lines",
  "submission_drafts", "uploads", "pos_line_blocks", "movements", "ledger_balances", "exceptions", "exception_events", "corrections",
  "part_xrefs", "column_mappings", "rebate_results", "audit_log", "outbox", "notices",
  "sd_authorizations", "claims", "claim_revisions", "claim_lines", "claim_overrides",
] as const;
/** Protected too, but nobody's tenant data: reset links are read and written by the auth and system contexts only. */
const NON_TENANT_PROTECTED = ["password_resets"];
type Table = (typeof TABLES)[number];

const KEY: Record<Table, string> = {
  distributors: "id::text", users: "distributor_id::text", api_tokens: "user_id::text", idempotency_keys: "user_id::text",
  submissions: "distributor_id::text", submission_revisions: "submission_id::text", submission_lines: "revision_id::text",
  submission_drafts: "distributor_id::text", uploads: "distributor_id::text", pos_line_blocks: "distributor_id::text",
  movements: "distributor_id::text", ledger_balances: "distributor_id::text", exceptions: "distributor_id::text",
  exception_events: "exception_id::text", corrections: "exception_id::text", part_xrefs: "distributor_id::text",
  column_mappings: "distributor_id::text", rebate_results: "distributor_id::text", audit_log: "distributor_id::text",
  outbox: "distributor_id::text", notices: "user_id::text",
  sd_authorizations: "distributor_id::text", claims: "distributor_id::text", claim_revisions: "distributor_id::text",
  claim_lines: "distributor_id::text", claim_overrides: "distributor_id::text",
};

interface Tenant {
  id: number;
  userId: string;
  keys: Record<Table, string>;
}

let tdb: TestDatabase;
let app: Database;
let a: Tenant;
let b: Tenant;
let staffId: string;
let productId: number;
const uploadOf: Record<number, string> = {};

async function seedTenant(db: Queryable, productId: number, programId: string, staff: string): Promise<Tenant> {
  const d = await makeDistributor(db);
  const v = await makeViewer(db, "distributor", d);
  const one = async (q: ReturnType<typeof sql>) => asRows<Record<string, string>>(await db.execute(q))[0]!;
  await db.execute(sql`insert into api_tokens (user_id, name, token_hash, prefix) values (${v.userId}, 'erp', ${"h" + d.id}, 'st_x')`);
  await db.execute(sql`insert into idempotency_keys (user_id, key, scope, request_hash) values (${v.userId}, 'k', 's', 'h')`);
  const rev = await addRevision(db, { distributorId: d.id, period: "2026-01", userId: v.userId, lines: [{ productId, sold: 1, returned: 0, onHand: 2 }] });
  await db.execute(sql`insert into submission_drafts (distributor_id, period, cells) values (${d.id}, '2026-02-01', '{}'::jsonb)`);
  const up = await one(sql`insert into uploads (distributor_id, period, format, kind, bytes, rows_read, rows_accepted, result, created_by)
    values (${d.id}, '2026-01-01', 'csv', 'pos', 10, 1, 1, '{}'::jsonb, ${v.userId}) returning id`);
  await db.execute(sql`insert into pos_line_blocks (upload_id, block_no, distributor_id, line_count, lines)
    values (${up.id}, 99, ${d.id}, 1, ${`${productId}\t2\tsell_through\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n`})`);
  await db.execute(sql`insert into movements (distributor_id, product_id, period, type, quantity) values (${d.id}, ${productId}, '2026-01-01', 'sell_in', 5)`);
  await db.execute(sql`insert into ledger_balances (distributor_id, product_id, period, opening, sell_in, sell_through, returns, adjustments, calculated,
    sell_through_3, sell_in_3, sell_through_prior_3, flags) values (${d.id}, ${productId}, '2026-01-01', 0, 5, 1, 0, 0, 4, 1, 5, 0, '{}')`);
  const ex = await one(sql`insert into exceptions (distributor_id, product_id, period) values (${d.id}, ${productId}, '2026-01-01') returning id`);
  await db.execute(sql`insert into exception_events (exception_id, kind, body) values (${ex.id}, 'note', 'hello')`);
  await db.execute(sql`insert into corrections (exception_id, type, quantity, reason, proposed_by) values (${ex.id}, 'adjustment_in', 1, 'count', ${staff})`);
  await db.execute(sql`insert into part_xrefs (distributor_id, distributor_part, product_id) values (${d.id}, 'P-1', ${productId})`);
  await db.execute(sql`insert into column_mappings (distributor_id, header_signature, mapping) values (${d.id}, 'sig', '{}'::jsonb)`);
  await db.execute(sql`insert into rebate_results (program_id, distributor_id, eligible, amount, reasons, inputs, frozen_by)
    values (${programId}, ${d.id}, true, 1, '[]'::jsonb, '{}'::jsonb, ${staff})`);
  await db.execute(sql`insert into audit_log (action, distributor_id) values ('test', ${d.id})`);
  await db.execute(sql`insert into outbox (dedupe_key, distributor_id, to_address, subject, body, kind) values (${"k" + d.id}, ${d.id}, 'x@y.z', 's', 'b', 'reminder')`);
  await db.execute(sql`insert into notices (user_id, kind, subject_id, body, href) values (${v.userId}, 'test', ${"n" + d.id}, 'b', '/')`);
  await db.execute(sql`insert into sd_authorizations (number, distributor_id, end_customer_name, product_id, authorized_cost, quantity_limit, valid_from, valid_to)
    values (${"SD-" + d.id}, ${d.id}, 'Acme', ${productId}, 1, 10, '2026-01-01', '2026-12-31')`);
  const claim = await one(sql`insert into claims (distributor_id, period, latest_revision, latest_revision_id, created_by)
    values (${d.id}, '2026-01-01', 1, gen_random_uuid(), ${v.userId}) returning id`);
  const crev = await one(sql`insert into claim_revisions (claim_id, distributor_id, revision, submitted_at, submitted_by, source, line_count)
    values (${claim.id}, ${d.id}, 1, now(), ${v.userId}, 'api', 1) returning id`);
  await db.execute(sql`insert into claim_lines (revision_id, line_no, distributor_id, authorization_number, invoice, ship_date, end_customer, sku,
    quantity, book_cost, authorized_cost, claimed_amount, outcome, approved_quantity, approved_amount)
    values (${crev.id}, 1, ${d.id}, ${"SD-" + d.id}, 'INV', '2026-01-05', 'Acme', 'X', 1, 2, 1, 1, 'approved', 1, 1)`);
  await db.execute(sql`insert into claim_overrides (revision_id, line_no, distributor_id, outcome, approved_quantity, approved_amount, note, proposed_by)
    values (${crev.id}, 1, ${d.id}, 'approved', 1, 1, 'n', ${staff})`);
  const id = String(d.id);
  uploadOf[d.id] = up.id!;
  return {
    id: d.id,
    userId: v.userId,
    keys: {
      distributors: id, users: id, api_tokens: v.userId, idempotency_keys: v.userId, submissions: id,
      submission_revisions: rev.submissionId, submission_lines: rev.revisionId, submission_drafts: id, uploads: id, pos_line_blocks: id,
      movements: id, ledger_balances: id, exceptions: id, exception_events: ex.id!, corrections: ex.id!, part_xrefs: id,
      column_mappings: id, rebate_results: id, audit_log: id, outbox: id, notices: v.userId,
      sd_authorizations: id, claims: id, claim_revisions: id, claim_lines: id, claim_overrides: id,
    },
  };
}

/** What `select <key> from <table>` — no tenant filter at all — returns in a context. */
async function keysSeen(db: Queryable, table: Table): Promise<(string | null)[]> {
  return asRows<{ k: string | null }>(await db.execute(sql.raw(`select ${KEY[table]} as k from ${table}`))).map((r) => r.k);
}

const asViewer = (t: Tenant): DbContext => ({ role: "distributor", distributorId: t.id, userId: t.userId });

describe.skipIf(!onPostgres)(`Row-level security (${why})`, () => {
  beforeAll(async () => {
    tdb = await createTestDatabase(); // the test's own connection acts as the system
    const product = await makeProduct(tdb.db);
    productId = product.id;
    const staff = await makeViewer(tdb.db, "channel_manager");
    staffId = staff.userId;
    const [prog] = asRows<{ id: string }>(
      await tdb.db.execute(sql`insert into rebate_programs (name, from_period, to_period) values ('Q1', '2026-01-01', '2026-03-01') returning id`),
    );
    a = await seedTenant(tdb.db, product.id, prog!.id, staffId);
    b = await seedTenant(tdb.db, product.id, prog!.id, staffId);
    // The app's own pool: role sellthru_app and no context until a request sets one.
    app = await openDatabase({ kind: "postgres", url: tdb.url!, pool: 2 }, { migrate: false });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });

  it("runs the app as a role that neither owns the tables nor bypasses RLS, and RLS is on for every table with a distributor_id", async () => {
    const [who] = asRows<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
      await app.db.execute(sql`select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`),
    );
    expect(who).toEqual({ current_user: "sellthru_app", rolsuper: false, rolbypassrls: false });
    const owned = asRows<{ n: number }>(
      await app.db.execute(sql`select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = current_user`),
    );
    expect(owned[0]!.n).toBe(0);
    const unprotected = asRows<{ table_name: string }>(
      await app.db.execute(sql`select c.table_name from information_schema.columns c join pg_class k on k.relname = c.table_name
        where c.table_schema = 'public' and c.column_name = 'distributor_id' and not k.relrowsecurity`),
    );
    expect(unprotected).toEqual([]);
    const protectedTables = asRows<{ relname: string }>(
      await app.db.execute(sql`select relname from pg_class where relnamespace = 'public'::regnamespace and relrowsecurity order by 1`),
    ).map((r) => r.relname);
    expect(protectedTables).toEqual([...TABLES, ...NON_TENANT_PROTECTED].sort());
  });

  it("shows a distributor only its own rows in every tenant table, even to a query without a tenant filter", async () => {
    for (const [me, other] of [[a, b], [b, a]] as const) {
      await withDbContext(app.db, asViewer(me), async (tx) => {
        for (const table of TABLES) {
          const seen = await keysSeen(tx, table);
          expect(seen, `${table} as distributor ${me.id}`).toContain(me.keys[table]);
          expect(seen, `${table} as distributor ${me.id}`).not.toContain(other.keys[table]);
          // users: its own and the manufacturer's staff (named on exception threads), nobody else's
          const allowed = table === "users" ? [me.keys.users, null] : [me.keys[table]];
          expect(seen.filter((k) => !allowed.includes(k)), table).toEqual([]);
        }
      });
    }
  });

  it("shows nothing of any tenant when no viewer is set (fail closed), and everything to staff and the system", async () => {
    for (const table of TABLES) expect(await keysSeen(app.db, table), `${table} without a viewer`).toEqual([]);
    await withDbContext(app.db, { role: "distributor", distributorId: null }, async (tx) => {
      for (const table of TABLES) expect(await keysSeen(tx, table), `${table} as a distributor without one`).toEqual([]);
    });
    await withDbContext(app.db, { role: "nobody" as never, distributorId: a.id }, async (tx) => {
      for (const table of TABLES) expect(await keysSeen(tx, table), `${table} with an unknown role`).toEqual([]);
    });
    for (const role of ["channel_manager", "rebate_analyst", "admin", "system"] as const) {
      await withDbContext(app.db, { role, userId: staffId }, async (tx) => {
        for (const table of TABLES) {
          const seen = await keysSeen(tx, table);
          expect(seen, `${table} as ${role}`).toEqual(expect.arrayContaining([a.keys[table], b.keys[table]]));
        }
      });
    }
    // After the transaction the setting is gone again.
    expect(await keysSeen(app.db, "submissions")).toEqual([]);
  });

  it("refuses to write another distributor's rows", async () => {
    await expect(
      withDbContext(app.db, asViewer(a), (tx) =>
        tx.execute(sql`insert into submission_drafts (distributor_id, period, cells) values (${b.id}, '2026-03-01', '{}'::jsonb)`),
      ),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
    await expect(
      withDbContext(app.db, asViewer(a), (tx) => tx.execute(sql`insert into exception_events (exception_id, kind) values (${b.keys.exception_events}, 'note')`)),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
    const changed = await withDbContext(app.db, asViewer(a), async (tx) => {
      const u = asRows(await tx.execute(sql`update movements set quantity = 99 where distributor_id = ${b.id} returning id`));
      const d = asRows(await tx.execute(sql`delete from submission_drafts where distributor_id = ${b.id} returning distributor_id`));
      // moving its own row to B is refused too
      await expect(
        tx.transaction((sp) => sp.execute(sql`update part_xrefs set distributor_id = ${b.id} where distributor_id = ${a.id}`)),
      ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
      return u.length + d.length;
    });
    expect(changed).toBe(0);
    // its own rows it may write
    await withDbContext(app.db, asViewer(a), (tx) =>
      tx.execute(sql`insert into submission_drafts (distributor_id, period, cells) values (${a.id}, '2026-03-01', '{}'::jsonb)`),
    );
    const [n] = asRows<{ n: number }>(await tdb.db.execute(sql`select count(*)::int as n from submission_drafts where distributor_id = ${b.id}`));
    expect(n!.n).toBe(1);
  });

  it("streams POS line blocks with COPY for the viewer's own upload only (COPY into a temporary table, then through the policy)", async () => {
    const line = { sku: "X", line: 2, quantity: 3, movement: "sell_through", transferType: "SS", identifiers: {}, date: null, invoice: "I-1" } as never;
    const stage = (as: Tenant, forDistributor: number) =>
      withDbContext(app.db, asViewer(as), async (tx) => {
        const sink = await openPosSink(tx, { uploadId: uploadOf[as.id]!, distributorId: forDistributor, productIdOf: () => productId });
        let n: number;
        try {
          await sink.push([line]);
          n = await sink.finish();
        } catch (e) {
          await sink.abort(e);
          throw e;
        }
        const [who] = asRows<{ u: string }>(await tx.execute(sql`select current_user as u`));
        return { n, role: who!.u };
      });
    await expect(stage(a, a.id)).resolves.toEqual({ n: 1, role: "sellthru_app" });
    await expect(stage(a, b.id)).rejects.toMatchObject({ code: "forbidden" });
    const kept = await withDbContext(app.db, asViewer(a), async (tx) =>
      asRows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from pos_line_blocks where upload_id = ${uploadOf[a.id]!}::uuid and block_no = 0`)),
    );
    expect(kept[0]!.n).toBe(1);
  });

  it("connects as a login role that is neither owner nor superuser: RESET ROLE and SET ROLE cannot lift RLS", async () => {
    const [who] = asRows<{ session_user: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      await app.db.execute(sql`select session_user, r.rolsuper, r.rolbypassrls,
        (select count(*)::int from pg_tables t where t.schemaname = 'public' and pg_has_role(session_user, t.tableowner, 'MEMBER')) as owns
        from pg_roles r where r.rolname = session_user`),
    );
    expect(who).toEqual({ session_user: "sellthru_local_app", rolsuper: false, rolbypassrls: false, owns: 0 });
    const [owner] = asRows<{ o: string }>(await app.db.execute(sql`select tableowner as o from pg_tables where tablename = 'submissions'`));
    await withDbContext(app.db, asViewer(a), async (tx) => {
      // RESET ROLE returns to the connection's startup role (sellthru_app), SET ROLE NONE to the login role itself.
      for (const [reset, role] of [["reset role", "sellthru_app"], ["set role none", "sellthru_local_app"]] as const) {
        await tx.execute(sql.raw(reset));
        const [me] = asRows<{ u: string }>(await tx.execute(sql`select current_user as u`));
        expect(me!.u).toBe(role);
        for (const table of TABLES) expect(await keysSeen(tx, table), `${table} after ${reset}`).not.toContain(b.keys[table]);
      }
      await expect(tx.transaction((sp) => sp.execute(sql.raw(`set role "${owner!.o}"`)))).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
      await expect(tx.transaction((sp) => sp.execute(sql.raw(`set session authorization "${owner!.o}"`)))).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
    });
    await app.db.execute(sql`reset role`);
    for (const table of TABLES) expect(await keysSeen(app.db, table), `${table} after RESET ROLE, no viewer`).toEqual([]);
  });

  it("forces row-level security on every tenant table, so even an owner that is not a superuser sees no tenant rows without a context", async () => {
    const unforced = asRows<{ relname: string }>(
      await app.db.execute(sql`select relname from pg_class where relnamespace = 'public'::regnamespace and relrowsecurity and not relforcerowsecurity`),
    );
    expect(unforced).toEqual([]);
    // An owner that is not a superuser (roles are transactional: created and gone with the rollback).
    const owner = await tdb.owner();
    const seen = await owner
      .transaction(async (tx) => {
        await tx.execute(sql`create role sellthru_test_plain_owner nologin`);
        await tx.execute(sql`alter table submissions owner to sellthru_test_plain_owner`);
        await tx.execute(sql`set local role sellthru_test_plain_owner`);
        const rows = asRows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from submissions`));
        throw Object.assign(new Error("rollback"), { seen: rows[0]!.n });
      })
      .catch((e: { seen?: number }) => e.seen);
    expect(seen).toBe(0);
  });

  it("will not start the app's pool as a superuser or as the tables' owner", async () => {
    await expect(openDatabase({ kind: "postgres", url: tdb.ownerUrl!, pool: 1 }, { migrate: false })).rejects.toThrow(/is a superuser: a query could RESET ROLE or SET ROLE past row-level security/);
    await expect(openDatabase({ kind: "postgres", url: tdb.ownerUrl!, pool: 1 }, { migrate: false, connectAs: "system" })).rejects.toThrow(/CREATE ROLE sellthru_web LOGIN/);
  });

  it("lets sign-in read users and tokens but no tenant data; asSystem widens and then restores the caller's context", async () => {
    await withDbContext(app.db, AUTH, async (tx) => {
      expect(await keysSeen(tx, "users")).toEqual(expect.arrayContaining([String(a.id), String(b.id), null]));
      expect(await keysSeen(tx, "api_tokens")).toEqual(expect.arrayContaining([a.userId, b.userId]));
      for (const table of ["submissions", "movements", "ledger_balances", "exceptions", "pos_line_blocks"] as const) {
        expect(await keysSeen(tx, table), `${table} while signing in`).toEqual([]);
      }
    });
    await withDbContext(app.db, asViewer(a), async (tx) => {
      const all = await asSystem(tx, (s) => keysSeen(s, "ledger_balances"));
      expect(all).toEqual(expect.arrayContaining([String(a.id), String(b.id)]));
      expect(await keysSeen(tx, "ledger_balances")).toEqual([String(a.id)]);
    });
  });
});
