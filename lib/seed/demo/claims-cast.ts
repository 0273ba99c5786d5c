/**
 * Who claims ship & debit in the demo: three distributors, each with its own end customers, invoice
 * numbering, authorisation numbers and the way it sends claims (the screen, its own CSV, an X12 844).
 */
import type { ClaimSource } from "@/lib/domain/claims/types";

export interface ClaimantDef {
  code: string;
  /** Authorisation numbers issued to this distributor start here (SPA-<yy>-<n>). */
  firstAuthorization: number;
  /** The invoice number of the n-th invoice in `period` ("YYYY-MM"). */
  invoice: (period: string, n: number) => string;
  /** The distributor's own claim reference of its k-th claim (1-based). */
  reference: (period: string, k: number) => string;
  source: ClaimSource;
  fileName?: (period: string, k: number) => string;
  customers: readonly string[];
  /** Claims this distributor also sends against another's authorisation (AUTH_NOT_YOURS). */
  claimsForeign?: boolean;
  /** Its third claim is corrected and resubmitted (revision 2). */
  resubmits?: boolean;
}

const yymm = (period: string) => period.slice(2, 4) + period.slice(5, 7);

export const CLAIMANTS: readonly ClaimantDef[] = [
  {
    code: "NWC", firstAuthorization: 40, source: "screen", resubmits: true,
    invoice: (p, n) => `INV${yymm(p)}${String(n).padStart(5, "0")}`,
    reference: (p, k) => `NWSD-${yymm(p)}-${String(k).padStart(2, "0")}`,
    customers: ["Solace Medical Inc", "Brightline Robotics LLC", "Kettle River Controls", "Ardent Motion Corp", "Lakeshore Instruments", "Prairie Grid Systems Inc"],
  },
  {
    code: "CES", firstAuthorization: 140, source: "csv", claimsForeign: true,
    invoice: (p, n) => `CES-${yymm(p)}-${String(n).padStart(4, "0")}`,
    reference: (p, k) => `CES-DB-${yymm(p)}${String(k).padStart(2, "0")}`,
    fileName: (p, k) => `cascade-debit-${p}-${k}.csv`,
    customers: ["Cascadia Marine Electronics", "Evergreen Sensor Works Inc", "Rainier Avionics LLC", "Puget Power Controls", "Columbia Medical Devices", "Orca Industrial Automation"],
  },
  {
    code: "KCE", firstAuthorization: 240, source: "x12",
    invoice: (p, n) => `RE-${p.slice(0, 4)}-${p.slice(5, 7)}${String(n).padStart(4, "0")}`,
    reference: (p, k) => `KSD${yymm(p)}${String(k).padStart(3, "0")}`,
    fileName: (p, k) => `KCE_844_${yymm(p)}_${k}.edi`,
    customers: ["Brenner Automation GmbH", "Alpenwerk Steuerungstechnik AG", "Donau Medizintechnik GmbH", "Vogel Antriebe KG", "Inntal Sensorik GmbH", "Rheinblick Energie AG"],
  },
];

/** The demo's distributor book cost of a product: 82 % of its list price, to 4 decimals (sell-in `unit_cost`). */
export function demoBookCost(listPrice: string | number): string {
  return (Math.round(Number(listPrice) * 0.82 * 10_000) / 10_000).toFixed(4);
}
