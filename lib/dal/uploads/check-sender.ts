/**
 * Issue 15 item 7: an X12 file whose sender IDs are another distributor's. The uploader's own
 * identities are read in its own context; whether the IDs are someone else's needs every
 * distributor's, so that one look-up runs as `system` (the caller's context is put back) and
 * answers only yes or no — the other distributor is not named to the uploader.
 */
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/open";
import { asSystem } from "@/db/rls";
import { distributors, settings } from "@/db/schema";
import { hasSender, judgeSender, type FileSender, type SenderVerdict } from "@/lib/domain/edi-sender";

export async function checkSender(db: Queryable, distributor: { id: number; code: string }, sender: FileSender | undefined): Promise<SenderVerdict & { refuse: boolean }> {
  if (!sender || !hasSender(sender)) return { verdict: "ok", refuse: false };
  const [own] = await db
    .select({ ediIsaId: distributors.ediIsaId, ediGsId: distributors.ediGsId, duns: distributors.duns, gln: distributors.gln })
    .from(distributors)
    .where(eq(distributors.id, distributor.id));
  const any = (col: AnyPgColumn, values: string[]) => (values.length ? inArray(sql`upper(${col})`, values) : undefined);
  const others = await asSystem(db, (tx) =>
    tx
      .select({ one: sql<number>`1` })
      .from(distributors)
      .where(and(ne(distributors.id, distributor.id), or(any(distributors.ediIsaId, sender.isa), any(distributors.ediGsId, sender.gs), any(distributors.duns, sender.duns), any(distributors.gln, sender.gln))))
      .limit(1),
  );
  const verdict = judgeSender(sender, distributor.code, own ?? { ediIsaId: null, ediGsId: null, duns: null, gln: null }, others.length > 0);
  if (verdict.verdict !== "other") return { ...verdict, refuse: false };
  const [s] = await db.select({ refuse: settings.refuseOtherSender }).from(settings).limit(1);
  return { ...verdict, refuse: s?.refuse ?? false };
}
