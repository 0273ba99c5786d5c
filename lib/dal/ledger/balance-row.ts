/**
 * A `ledger_balances` row (or sums of its columns) selected under the columns' own names — opening,
 * sell_in, sell_through, returns, adjustments, calculated, reported, gap, `gap_pct::float8 as gap_pct` —
 * read into the domain's figures. Every read that shows the ledger maps them here.
 */
import { num, numOrNull, type RowMapper } from "@/db/sql-rows";
import type { LedgerBalance, LedgerMovements } from "@/lib/domain/ledger";

export const movementsRow: RowMapper<LedgerMovements> = (r) => ({
  opening: num(r.opening), sellIn: num(r.sell_in), sellThrough: num(r.sell_through), returns: num(r.returns),
  adjustments: num(r.adjustments), calculated: num(r.calculated),
});

/** The movements with reported, gap and gap % (null where nothing was reported). */
export const balanceRow: RowMapper<LedgerBalance> = (r) => ({
  ...movementsRow(r), reported: numOrNull(r.reported), gap: numOrNull(r.gap), gapPct: numOrNull(r.gap_pct),
});
