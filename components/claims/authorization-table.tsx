"use client";

import { useFormatter } from "@/components/format/format-provider";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TFoot, TR, HeadRow, numeric, type Column } from "@/components/ui/table";
import type { AuthorizationView } from "@/lib/dal/claims/authorizations";
import { CurrencySums } from "./currency-sums";
import { unitCost } from "./money";

const COLUMNS: Column[] = [
  "Number", "Distributor", "End customer", "SKU", numeric("Authorised cost"), numeric("Min resale"), numeric("Limit"), numeric("Claimed"),
  numeric("Remaining"), numeric("Debit / unit"), numeric("Open liability"), "Validity", "Currency",
];

/**
 * Authorisations with what is left of them: claimed and remaining units, the debit per unit and the
 * open liability (remaining × debit while claims may still come), with a total per currency.
 */
export function AuthorizationTable({ rows }: { rows: AuthorizationView[] }) {
  const f = useFormatter();
  const sums = new CurrencySums(["openLiability"] as const);
  for (const a of rows) sums.add(a.currency, { openLiability: a.openLiability });
  const totals = sums.rows();
  return (
    <Table label="Authorisations" stickyHeader data-testid="authorization-table">
      <HeadRow columns={COLUMNS} />
      <TBody>
        {rows.map((a) => (
          <TR key={a.id} data-testid="authorization-row">
            <TD className="font-medium whitespace-nowrap text-slate-900">{a.number}</TD>
            <TD>{a.distributor}</TD>
            <TD className="min-w-40">
              {a.endCustomer.name}
              {a.endCustomer.id ? <span className="block text-xs text-slate-600">{a.endCustomer.id}</span> : null}
            </TD>
            <TD className="whitespace-nowrap">{a.sku}</TD>
            <TD numeric>{unitCost(f, a.authorizedCost, a.currency)}</TD>
            <TD numeric>{a.minResale === null ? <span className="text-slate-500">—</span> : unitCost(f, a.minResale, a.currency)}</TD>
            <TD numeric>{f.int(a.quantityLimit)}</TD>
            <TD numeric>{f.int(a.claimedQuantity)}</TD>
            <TD numeric>{f.int(a.remainingQuantity)}</TD>
            <TD numeric>{unitCost(f, a.debitPerUnit, a.currency)}</TD>
            <TD numeric className="font-medium">
              {f.money(a.openLiability, a.currency)}
            </TD>
            <TD className="whitespace-nowrap">
              {f.date(a.validFrom)} – {f.date(a.validTo)}
              {a.active ? null : (
                <Badge tone="neutral" className="ml-2">
                  Claims closed
                </Badge>
              )}
            </TD>
            <TD>{a.currency}</TD>
          </TR>
        ))}
      </TBody>
      <TFoot>
        {totals.map((t) => (
          <tr key={t.currency} data-testid={`liability-total-${t.currency}`}>
            <TD colSpan={10}>
              Open liability in {t.currency} · {f.int(t.count)} authorisation{t.count === 1 ? "" : "s"}
            </TD>
            <TD numeric>{f.money(t.openLiability, t.currency)}</TD>
            <TD colSpan={2} />
          </tr>
        ))}
      </TFoot>
    </Table>
  );
}
