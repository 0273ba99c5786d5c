/**
 * Stages an upload's accepted POS lines in `pos_lines`, inside the upload's transaction.
 *
 * On Postgres (postgres.js) the lines stream through ONE `COPY pos_lines … FROM STDIN` per pass:
 * the parser hands batches of 1,000, each is written as COPY text and the parser goes on reading
 * while Postgres stores the previous ones (a full pipe makes `push` wait: bounded memory). On PGlite
 * (no COPY from a client stream) batches of 5,000 go in with one `INSERT … SELECT FROM
 * jsonb_to_recordset`. Either way nothing is visible before the transaction commits.
 */
import type { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import type { ResolvedPosLine } from "@/lib/imports";
import { forbidden } from "@/lib/errors";
import { asRows } from "../sql-rows";

export interface PosSink {
  push(batch: ResolvedPosLine[]): void | Promise<void>;
  /** The parser reads the file again (a late row decided the date order): forget what was staged. */
  reset(): Promise<void>;
  /** Flushes; returns how many lines were staged. */
  finish(): Promise<number>;
  /** The upload failed: stop a running COPY so the transaction can roll back. */
  abort(error: unknown): Promise<void>;
}

export interface SinkContext {
  uploadId: string;
  distributorId: number;
  productIdOf: (sku: string) => number | undefined;
}

const COLUMNS =
  "upload_id, distributor_id, product_id, source_line, transfer_type, quantity, invoice_date, invoice, invoice_line, unit_price, end_customer, ship_to_city, ship_to_state, ship_to_country, distributor_part";

/** The part number as the distributor wrote it, when it is not our SKU itself. */
export function distributorPartOf(l: ResolvedPosLine): string | null {
  const ids = l.identifiers;
  if (ids.distributorPart) return ids.distributorPart;
  if (ids.sku && ids.sku !== l.sku && ids.sku.trim().toUpperCase() !== l.sku.toUpperCase()) return ids.sku;
  return ids.upc ?? null;
}

/** X12 867 keeps its PTD code (SS, RV, …); spreadsheet lines are named by movement. */
export const transferTypeOf = (l: ResolvedPosLine) => l.transferType ?? (l.movement === "sell_through" && l.quantity < 0 ? "customer_return" : l.movement);

interface PgJsLike {
  unsafe(query: string): { writable(): Promise<Writable> };
}

function rawClient(tx: Queryable): PgJsLike | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return typeof client === "function" && typeof (client as { unsafe?: unknown }).unsafe === "function" ? (client as unknown as PgJsLike) : null;
}

export async function openPosSink(tx: Queryable, ctx: SinkContext): Promise<PosSink> {
  const raw = rawClient(tx);
  return raw ? copySink(tx, raw, ctx) : insertSink(tx, ctx);
}

// ---- COPY (postgres.js) ------------------------------------------------------------------------

/** COPY text format: \N is null; backslash, tab, newline and carriage return are escaped. */
export function copyText(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === "") return "\\N";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "\\N";
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * A batch's COPY text, written straight into bytes: a million lines as strings meant ~30 string
 * pieces per line for the collector, then a UTF-8 encoding pass; here ASCII goes byte by byte
 * (escaping on the way) and only a field with other characters goes through `Buffer.write`.
 * Same output as joining {@link copyText} of each column with tabs.
 */
export class CopyTextWriter {
  buf: Buffer;
  pos = 0;

  constructor(capacity = 256 * 1024) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Hands out the bytes written so far and starts a new buffer (the stream may hold the old one). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(this.buf.length, 64 * 1024));
    this.pos = 0;
    return out;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  byte(c: number): void {
    this.ensure(1);
    this.buf[this.pos++] = c;
  }

  /** A whole number (line, quantity) without building its string. */
  int(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15) return this.text(copyText(n), false);
    this.ensure(16);
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 48 + n;
      return;
    }
    let digits = 0;
    for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
    let end = this.pos + digits;
    this.pos = end;
    for (let m = n; m > 0; m = Math.floor(m / 10)) buf[--end] = 48 + (m % 10);
  }

  /** A column followed by a tab. */
  cell(v: string | number | null | undefined): this {
    this.value(v);
    this.byte(9);
    return this;
  }

  value(v: string | number | null | undefined): void {
    if (typeof v === "string" && v !== "") return this.text(v, true);
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return this.int(v);
    this.text(copyText(v), false);
  }

  private text(v: string, escape: boolean): void {
    const n = v.length;
    this.ensure(n * 3);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c >= 128) {
        // Other characters: the rest of the field as UTF-8.
        this.pos = pos;
        const rest = v.slice(i);
        this.pos += buf.write(escape ? copyText(rest) : rest, pos, "utf8");
        return;
      }
      if (escape && (c === 92 || c === 9 || c === 10 || c === 13)) {
        buf[pos++] = 92;
        buf[pos++] = c === 92 ? 92 : c === 9 ? 116 : c === 10 ? 110 : 114;
      } else buf[pos++] = c;
    }
    this.pos = pos;
  }
}

const NEWLINE = 10;

/** One line's COPY text; `prefix` holds its first three columns (upload, distributor, product). */
export function writeLine(w: CopyTextWriter, prefix: Uint8Array, l: ResolvedPosLine): void {
  w.bytes(prefix);
  w.cell(l.line).cell(transferTypeOf(l)).cell(l.quantity).cell(l.date).cell(l.invoice).cell(l.invoiceLine).cell(l.unitPrice);
  w.cell(l.endCustomer).cell(l.shipToCity).cell(l.shipToState).cell(l.shipToCountry).value(distributorPartOf(l));
  w.byte(NEWLINE);
}

async function copySink(tx: Queryable, raw: PgJsLike, ctx: SinkContext): Promise<PosSink> {
  let staged = 0;
  let stream: Writable | null = null;
  let failure: Error | null = null;
  let finished: Promise<void> | null = null;
  /** SKU → the line's first three columns (upload, distributor, product). */
  const prefixes = new Map<string, Uint8Array>();
  const writer = new CopyTextWriter();

  // Postgres refuses COPY FROM into a table under row-level security ("COPY FROM not supported with
  // row-level security"). So the COPY alone runs as the session's own user (the tables' owner, to
  // which RLS does not apply), after checking here what the policy would have checked: the lines'
  // distributor is the viewer's own (or the viewer is staff/system). The role goes back at once.
  let appRole: string | null = null;
  const enterCopy = async () => {
    const [r] = asRows<{ me: string; owner: string; allowed: boolean }>(
      await tx.execute(sql`select current_user as me, session_user as owner,
        coalesce((select sellthru_is_staff()) or (select sellthru_tenant()) = ${ctx.distributorId}::int, false) as allowed`),
    );
    if (!r || r.me === r.owner) return; // connected as the owner: no RLS to step around
    if (!r.allowed) throw forbidden();
    await tx.execute(sql`select set_config('role', session_user, true)`);
    appRole = r.me;
  };
  const leaveCopy = async () => {
    if (appRole === null) return;
    const role = appRole;
    appRole = null;
    await tx.execute(sql`select set_config('role', ${role}, true)`);
  };

  const open = async () => {
    await enterCopy();
    const w = await raw.unsafe(`copy pos_lines (${COLUMNS}) from stdin`).writable();
    failure = null;
    finished = new Promise<void>((resolve, reject) => {
      w.on("finish", resolve);
      w.on("error", (e: Error) => {
        failure = e;
        reject(e);
      });
    });
    finished.catch(() => {}); // surfaced by push/finish
    stream = w;
  };
  const close = async () => {
    if (!stream) return;
    const w = stream;
    stream = null;
    w.end();
    await finished;
    await leaveCopy();
  };

  return {
    async push(batch) {
      if (failure) throw failure;
      if (!stream) await open();
      for (const l of batch) {
        let prefix = prefixes.get(l.sku);
        if (prefix === undefined) {
          const id = ctx.productIdOf(l.sku);
          if (id === undefined) continue; // cannot happen: the resolver only answers catalogue SKUs
          prefixes.set(l.sku, (prefix = Buffer.from(`${ctx.uploadId}\t${ctx.distributorId}\t${id}\t`)));
        }
        writeLine(writer, prefix, l);
        staged++;
      }
      if (writer.pos === 0) return;
      const text = writer.take();
      if (!stream!.write(text)) {
        await new Promise<void>((resolve, reject) => {
          const w = stream!;
          const done = () => {
            w.off("drain", done);
            w.off("error", fail);
            resolve();
          };
          const fail = (e: Error) => {
            w.off("drain", done);
            reject(e);
          };
          w.on("drain", done);
          w.on("error", fail);
        });
      }
    },
    async reset() {
      await close();
      await tx.execute(sql`delete from pos_lines where upload_id = ${ctx.uploadId}::uuid`);
      staged = 0;
    },
    async finish() {
      await close();
      if (failure) throw failure;
      return staged;
    },
    async abort(error) {
      const w = stream;
      stream = null;
      if (!w) return;
      w.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished?.catch(() => {});
    },
  };
}

// ---- INSERT … jsonb_to_recordset (PGlite) -------------------------------------------------------

const INSERT_BATCH = 5000;

function insertSink(tx: Queryable, ctx: SinkContext): PosSink {
  let staged = 0;
  let pending: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const payload = JSON.stringify(pending);
    pending = [];
    await tx.execute(sql`
      insert into pos_lines (${sql.raw(COLUMNS)})
      select ${ctx.uploadId}::uuid, ${ctx.distributorId}, x.p, x.l, x.t, x.q, x.d, x.i, x.il, x.u, x.c, x.sc, x.ss, x.sn, x.dp
        from jsonb_to_recordset(${payload}::jsonb)
          as x(p int, l int, t text, q int, d date, i text, il text, u numeric, c text, sc text, ss text, sn text, dp text)`);
  };
  return {
    async push(batch) {
      for (const l of batch) {
        const p = ctx.productIdOf(l.sku);
        if (p === undefined) continue;
        pending.push({
          p, l: l.line, t: transferTypeOf(l), q: l.quantity, d: l.date ?? null, i: l.invoice ?? null, il: l.invoiceLine ?? null,
          u: l.unitPrice ?? null, c: l.endCustomer ?? null, sc: l.shipToCity ?? null, ss: l.shipToState ?? null, sn: l.shipToCountry ?? null,
          dp: distributorPartOf(l),
        });
        staged++;
      }
      if (pending.length >= INSERT_BATCH) await flush();
    },
    async reset() {
      pending = [];
      await tx.execute(sql`delete from pos_lines where upload_id = ${ctx.uploadId}::uuid`);
      staged = 0;
    },
    async finish() {
      await flush();
      return staged;
    },
    async abort() {
      pending = [];
    },
  };
}
