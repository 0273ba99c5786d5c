/**
 * The cast: six distributors whose histories tell the demo's story, the manufacturer's users,
 * and which gap causes are planted where (period offsets count back from the latest period:
 * 1 = the latest, 2 = the one before, …).
 */

export type Story = "accurate" | "late" | "missing" | "excess" | "burning" | "slowing";
export type Cause = "delayed_pos" | "transfer" | "unprocessed_return" | "damaged" | "reporting_error";
export type Source = "portal" | "upload" | "api";

export interface PlantSpec {
  cause: Cause;
  /** Periods back from the latest (1 = latest). */
  back: number;
  /** Where it closes (transfer/damage: the approved adjustment; unprocessed return: reported later). */
  closeBack?: number;
}

export interface DistributorDef {
  code: string;
  name: string;
  region: string;
  story: Story;
  storyText: string;
  /** Demand scale relative to Northwind. */
  scale: number;
  /** How many SKUs it carries (30–90). */
  skuCount: number;
  /** Months of forward stock its buyers aim for. */
  targetMonths: number;
  source: Source;
  user: { email: string; name: string };
  branch: string;
  plants: PlantSpec[];
  /** The one incomplete submission: periods back and how many carried SKUs are left out. */
  incomplete?: { back: number; skus: number };
}

export const MANUFACTURER = "Halcyon Semiconductor";

export const DISTRIBUTORS: readonly DistributorDef[] = [
  {
    code: "NWC", name: "Northwind Components", region: "North America — Midwest", story: "accurate",
    storyText: "Accurate and on time every period (submits on the 2nd–5th). Only unexplained gap: the worked example, MCU-1000 in the latest period (sell-in 1,000, sold 700, on hand 240 → calculated 300, gap 60).",
    scale: 1, skuCount: 60, targetMonths: 1.3, source: "portal",
    user: { email: "ops@northwind.test", name: "Dana Whitfield" }, branch: "Milwaukee", plants: [],
  },
  {
    code: "CES", name: "Cascade Electronic Supply", region: "North America — Pacific Northwest", story: "late",
    storyText: "Chronically late: submits 2–9 days after the due date in all but two periods, including the latest. Gaps: an unprocessed return (healed when the RMA is reported), a delayed POS (timing), a reporting error fixed by a second revision.",
    scale: 0.6, skuCount: 55, targetMonths: 1.8, source: "upload",
    user: { email: "ops@cascade.test", name: "Marcus Bell" }, branch: "Portland",
    plants: [
      { cause: "unprocessed_return", back: 13, closeBack: 11 },
      { cause: "delayed_pos", back: 9 },
      { cause: "reporting_error", back: 6 },
    ],
  },
  {
    code: "MPD", name: "Meridian Parts Distribution", region: "North America — Southeast", story: "missing",
    storyText: "On time until the latest period, which it has not submitted at all. Gaps: damaged stock scrapped (approved adjustment), a reporting error fixed by a second revision, a delayed POS (timing).",
    scale: 0.5, skuCount: 45, targetMonths: 1.6, source: "portal",
    user: { email: "ops@meridian.test", name: "Renee Castillo" }, branch: "Atlanta",
    plants: [
      { cause: "reporting_error", back: 8 },
      { cause: "damaged", back: 7, closeBack: 6 },
      { cause: "delayed_pos", back: 3 },
    ],
  },
  {
    code: "BSE", name: "Bluestone Electronics", region: "North America — Northeast", story: "excess",
    storyText: "Building excess stock: for the last ten months sell-in runs ~1.8× sell-through, so weeks of supply sits far above 12. One incomplete period (four stocked SKUs left out). Gaps: a stock transfer and a damaged lot, both closed by approved adjustments.",
    scale: 0.8, skuCount: 70, targetMonths: 1.5, source: "api",
    user: { email: "ops@bluestone.test", name: "Owen Fitzgerald" }, branch: "Hartford",
    plants: [
      { cause: "transfer", back: 12, closeBack: 11 },
      { cause: "damaged", back: 2, closeBack: 1 },
    ],
    incomplete: { back: 4, skus: 4 },
  },
  {
    code: "KCE", name: "Kestrel Components Europe", region: "Europe — DACH", story: "burning",
    storyText: "Burning its stock down: after holding ~4.5 months of stock, sell-in was cut to ~30 % of demand for the last four months; trailing-3 sell-through is far above sell-in and inventory is falling (expedite risk). Gaps: damaged stock and a branch transfer (both closed by adjustments), a delayed POS in the latest period (still open).",
    scale: 0.9, skuCount: 60, targetMonths: 4.5, source: "upload",
    user: { email: "ops@kestrel.test", name: "Katrin Vogel" }, branch: "Vienna",
    plants: [
      { cause: "damaged", back: 10, closeBack: 9 },
      { cause: "transfer", back: 5, closeBack: 3 },
      { cause: "delayed_pos", back: 1 },
    ],
  },
  {
    code: "PRE", name: "Pacific Rim Electronics", region: "Asia Pacific", story: "slowing",
    storyText: "Sell-through slowing: the last three months run at under half the three before, while replenishment lags behind. Gaps: a delayed POS (timing), a reporting error fixed by a second revision, an unprocessed return still open.",
    scale: 0.7, skuCount: 50, targetMonths: 1.6, source: "portal",
    user: { email: "ops@pacificrim.test", name: "Kenji Watanabe" }, branch: "Singapore",
    plants: [
      { cause: "delayed_pos", back: 7 },
      { cause: "reporting_error", back: 5 },
      { cause: "unprocessed_return", back: 2 },
    ],
  },
];

export const MANUFACTURER_USERS = [
  { email: "admin@halcyon.test", name: "Alex Morgan", role: "admin" as const },
  { email: "manager@halcyon.test", name: "Priya Raman", role: "channel_manager" as const },
  { email: "manager2@halcyon.test", name: "Tomás Herrera", role: "channel_manager" as const },
  { email: "rebates@halcyon.test", name: "Grace Liu", role: "rebate_analyst" as const },
];

/** Northwind's part-number cross-reference (northwind-crossref.csv). Keep verbatim. */
export const NORTHWIND_XREF: readonly [distributorPart: string, sku: string][] = [
  ["NW-700000", "MCU-1000"], ["NW-700137", "MCU-1010"], ["NW-700274", "MCU-2000"], ["NW-700411", "MCU-2050"],
  ["NW-700548", "PMIC-220"], ["NW-700685", "PMIC-240"], ["NW-700822", "LDO-330"], ["NW-700959", "BUCK-510"],
  ["NW-701096", "SNS-ACC-3"], ["NW-701233", "SNS-GYR-6"], ["NW-701370", "SNS-TMP-1"], ["NW-701507", "SNS-PRS-2"],
  ["NW-701644", "IF-CAN-10"], ["NW-701781", "IF-USB-20"], ["NW-701918", "IF-ETH-100"], ["NW-702055", "MEM-FL-16"],
  ["NW-702192", "MEM-FL-64"], ["NW-702329", "MEM-EE-2"], ["NW-702466", "ANA-OP-2"], ["NW-702603", "ANA-ADC-16"],
];

/** Other distributors' own part-number styles for a handful of their SKUs. */
export const XREF_STYLES: Record<string, (sku: string, i: number) => string> = {
  KCE: (sku) => `HAL${sku.replace(/-/g, "")}`,
  PRE: (_sku, i) => `PR-88${String(1040 + i * 17).padStart(4, "0")}`,
  BSE: (sku) => `BLU/${sku}`,
};
