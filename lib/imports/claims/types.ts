/**
 * Shapes shared by the claim-file readers and the answer writers (ship & debit: 844 / CSV / XLSX in,
 * 849 / CSV out). The claim line itself is the domain's `ClaimLineInput`.
 */
import type { ClaimLineInput, ClaimOutcome } from "@/lib/domain/claims/types";
import type { ReasonCode } from "@/lib/domain/claims/reasons";
import type { DateOrder } from "../types";
import type { ClaimField, ClaimMapping } from "./claim-columns";

export type { ClaimLineInput };

/** A line of the file that could not become a claim line, and why. `line`: file line, sheet row or X12 segment position. */
export interface ClaimError {
  line: number;
  /** X12: the segment (and element or qualifier) at fault, e.g. "QTY02", "REF*IV". */
  segment?: string;
  /** Spreadsheets: the claim field at fault. */
  field?: ClaimField;
  message: string;
}

export interface ClaimWarning {
  line?: number;
  code: string;
  message: string;
}

/** What must be answered before the file can be read (again). */
export type ClaimNeed =
  | { kind: "mapping"; missing: ClaimField[]; uncertain: ClaimField[]; headers: string[]; suggested: ClaimMapping; preview: string[][] }
  | { kind: "dateOrder"; assumed: DateOrder; example?: string };

export interface X12ClaimResult {
  /** BAA05 (the distributor's claim / debit memo number); null when the file carries none (then also an error). */
  reference: string | null;
  /** BAA03, YYYY-MM-DD. */
  claimDate?: string;
  lines: ClaimLineInput[];
  errors: ClaimError[];
  warnings: ClaimWarning[];
}

export interface ClaimTableResult {
  mapping: ClaimMapping;
  /** "claim:" + the POS header signature: the key under which `column_mappings` remembers the layout. */
  headerSignature: string;
  headers: string[];
  headerLine: number;
  needs?: ClaimNeed[];
  lines: ClaimLineInput[];
  errors: ClaimError[];
  warnings: ClaimWarning[];
  dateOrder?: DateOrder;
}

export interface ClaimFileResult {
  format: "x12" | "csv" | "xlsx";
  reference?: string | null;
  claimDate?: string;
  lines: ClaimLineInput[];
  errors: ClaimError[];
  warnings: ClaimWarning[];
  needs?: ClaimNeed[];
  mapping?: ClaimMapping;
  headerSignature?: string;
  headers?: string[];
  headerLine?: number;
  sheet?: string;
  dateOrder?: DateOrder;
}

/** One validated line as the manufacturer answers it (849 and CSV). */
export interface ClaimAnswerLine {
  line: number;
  authorization: string;
  invoice: string;
  invoiceLine?: string | null;
  sku: string;
  quantity: number;
  claimedAmount: number;
  approvedQuantity: number;
  approvedAmount: number;
  outcome: ClaimOutcome;
  reasonCode: ReasonCode | null;
  message: string;
}
