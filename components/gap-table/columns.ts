import type { GapSort } from "@/lib/validation/gaps";

export type GapColumnKey =
  | "distributor" | "sku" | "family" | "opening" | "sellIn" | "sellThrough" | "returns" | "adjustments"
  | "calculated" | "reported" | "gap" | "gapPct" | "newGap" | "weeksOfSupply" | "flags";

export interface GapColumn {
  key: GapColumnKey;
  label: string;
  /** Full name for screen readers and the header tooltip. */
  title?: string;
  numeric: boolean;
  width: number;
  sort?: GapSort;
  /** Descending first when clicked (numbers: the biggest first). */
  descFirst?: boolean;
}

export const GAP_COLUMNS: GapColumn[] = [
  { key: "distributor", label: "Distributor", numeric: false, width: 104, sort: "distributor" },
  { key: "sku", label: "SKU", numeric: false, width: 132, sort: "sku" },
  { key: "family", label: "Family", numeric: false, width: 96, sort: "family" },
  { key: "opening", label: "Opening", numeric: true, width: 84, sort: "opening", descFirst: true },
  { key: "sellIn", label: "Sell-in", numeric: true, width: 80, sort: "sellIn", descFirst: true },
  { key: "sellThrough", label: "Sell-thru", title: "Sell-through", numeric: true, width: 84, sort: "sellThrough", descFirst: true },
  { key: "returns", label: "Returns", numeric: true, width: 76, sort: "returns", descFirst: true },
  { key: "adjustments", label: "Adj.", title: "Adjustments", numeric: true, width: 64, sort: "adjustments", descFirst: true },
  { key: "calculated", label: "Calculated", numeric: true, width: 92, sort: "calculated", descFirst: true },
  { key: "reported", label: "Reported", numeric: true, width: 88, sort: "reported", descFirst: true },
  { key: "gap", label: "Gap", numeric: true, width: 76, sort: "gap", descFirst: true },
  { key: "gapPct", label: "Gap %", numeric: true, width: 76, sort: "gapPct", descFirst: true },
  { key: "newGap", label: "New gap", numeric: true, width: 80, sort: "newGap", descFirst: true },
  { key: "weeksOfSupply", label: "WoS", title: "Weeks of supply", numeric: true, width: 64, sort: "weeksOfSupply", descFirst: true },
  { key: "flags", label: "Flags", numeric: false, width: 220 },
];

export const FLAG_LABELS: Record<string, { label: string; tone: "amber" | "red" | "blue" | "neutral"; hint: string }> = {
  excess: { label: "Excess", tone: "amber", hint: "Weeks of supply above the target" },
  burning_down: { label: "Burning down", tone: "red", hint: "Trailing-3 sell-through well above sell-in" },
  slowing: { label: "Slowing", tone: "blue", hint: "Trailing-3 sell-through well below the prior 3" },
  new_gap: { label: "New gap", tone: "red", hint: "A significant discrepancy arose this period" },
  unreported: { label: "Unreported", tone: "neutral", hint: "No on-hand reported for this period" },
};

/** The shareable part of a gap view's URL (filters + sort), without paging. */
export function viewQuery(params: Record<string, string | undefined>): string {
  const keep = ["period", "distributor", "family", "sku", "minAbsGap", "minGapPct", "flag", "significant", "sort"];
  const u = new URLSearchParams();
  for (const k of keep) {
    const v = params[k];
    if (v !== undefined && v !== "") u.set(k, v);
  }
  return u.toString();
}
