import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { checkLines } from "@/lib/dal/submissions/check-submission";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { num, rows, str, strOrNull, type RowMapper } from "@/db/sql-rows";
import { CONFIRM_REASONS } from "@/lib/domain/submission-checks";

/** Distributors whose demo rows stay exactly as generated (the worked example's partner). */
const UNTOUCHED = new Set(["NWC"]);

interface Revision {
  id: string;
  distributor_id: number;
  code: string;
  period: string;
  days_late: number;
}
const revisionRow: RowMapper<Revision> = (r) => ({
  id: str(r.id), distributor_id: num(r.distributor_id), code: str(r.code), period: str(r.period), days_late: num(r.days_late),
});

interface Line {
  product_id: number;
  sku: string;
  sold: number;
  returned: number;
  on_hand: number;
  note: string | null;
}
const lineRow: RowMapper<Line> = (r) => ({
  product_id: num(r.product_id), sku: str(r.sku), sold: num(r.sold), returned: num(r.returned), on_hand: num(r.on_hand), note: strOrNull(r.note),
});

/**
 * The demo's revisions get what the submission check gives a revision stored through the app: the
 * flags of every line and the quality score with its parts (the seed writes revisions directly, before
 * the ledger exists, so it runs once the ledger is built). Then some realistic noise: in `confirmPeriod`
 * every other out-of-tolerance line (all partners but the worked example's) is confirmed as reported
 * with a reason, so the demo shows flagged rows with and without one. Returns the flag counts by kind.
 */
export async function scoreDemoRevisions(tx: Queryable, confirmPeriod: string): Promise<Record<string, number>> {
  const settings = await getSettings(tx);
  const revisions = await rows(
    tx,
    sql`
      select r.id, s.distributor_id, d.code, to_char(s.period, 'YYYY-MM') as period, s.days_late
        from submission_revisions r join submissions s on s.id = r.submission_id join distributors d on d.id = s.distributor_id
       where r.quality_score is null
       order by s.period, d.code, r.revision`,
    revisionRow,
  );
  const counts: Record<string, number> = {};
  let confirmed = 0;
  for (const r of revisions) {
    const lines = await rows(
      tx,
      sql`
        select l.product_id, p.sku, l.sold, l.returned, l.on_hand, l.note
          from submission_lines l join products p on p.id = l.product_id
         where l.revision_id = ${r.id}::uuid order by p.sku`,
      lineRow,
    );
    const check = await checkLines(tx, {
      distributorId: r.distributor_id,
      period: r.period,
      lines: lines.map((l) => ({ sku: l.sku, sold: l.sold, returned: l.returned, onHand: l.on_hand, note: l.note ?? undefined, confirm: undefined })),
      productIds: lines.map((l) => l.product_id),
      daysLate: r.days_late,
      settings,
    });
    const updates = lines.flatMap((l, i) => {
      const flags = check.byLine[i]!;
      if (!flags.length) return [];
      for (const f of flags) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
      const confirm =
        r.period === confirmPeriod && !UNTOUCHED.has(r.code) && flags.some((f) => f.kind === "out_of_tolerance") && confirmed++ % 2 === 0
          ? CONFIRM_REASONS[confirmed % 3]
          : null;
      return [{ p: l.product_id, f: flags.map(({ kind, message }) => ({ kind, message })), cr: confirm }];
    });
    await tx.execute(sql`
      update submission_revisions set quality_score = ${check.quality.score}, quality_parts = ${JSON.stringify(check.quality.parts)}::jsonb
       where id = ${r.id}::uuid`);
    if (updates.length) {
      await tx.execute(sql`
        update submission_lines l set flags = x.f, confirm_reason = x.cr
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(p int, f jsonb, cr text)
         where l.revision_id = ${r.id}::uuid and l.product_id = x.p`);
    }
  }
  return counts;
}
