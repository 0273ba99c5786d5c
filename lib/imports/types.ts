/**
 * Shared types of the import pipeline (pure: no database, no Next.js).
 *
 * A file is read into *records* — POS lines (one per invoice line / X12 867 item) or summary rows
 * (per SKU: sold / returned / on hand, e.g. X12 852) — and the records are aggregated per SKU for
 * one period into an {@link UploadResult}, the shape `POST /api/v1/uploads` answers with.
 */

export const FIELDS = [
  "sku",
  "distributorPart",
  "upc",
  "quantity",
  "sold",
  "returned",
  "onHand",
  "date",
  "invoice",
  "invoiceLine",
  "endCustomer",
  "unitPrice",
  "shipToCity",
  "shipToState",
  "shipToCountry",
  "description",
  /** Summary files: customer returns (subtracted from sold: net sell-through). */
  "customerReturns",
  /** Summary files: one row per location; a SKU's rows are added up. */
  "location",
  /** Unit of measure of the row's quantities (EA, CA, BX, DZ…): cases convert with the pack size. */
  "unit",
] as const;
/** A canonical column a distributor's header can map to. */
export type Field = (typeof FIELDS)[number];

export type Format = "csv" | "xlsx" | "x12-852" | "x12-867";
export type Kind = "pos_lines" | "summary";
/** Order of day and month in dates like 03/04/2026. ISO and YYYYMMDD dates need none. */
export type DateOrder = "MDY" | "DMY";

/** Column index (0-based, as a number or its string form) → canonical field, or null for "ignore". */
export type Mapping = Record<number, Field | null>;

/** The identifiers a row carries for its product; a resolver maps them to our SKU. */
export interface PartIds {
  sku?: string;
  distributorPart?: string;
  upc?: string;
}
/** Maps a row's identifiers to the manufacturer's SKU, or null when the part is unknown. */
export type PartResolver = (ids: PartIds) => string | null;

/**
 * How a POS line moves stock, named like the ledger's movement types (lib/domain/movements.ts):
 * sales and end-customer returns make up the net sell-through, returns to vendor are `returned`,
 * adjustments are never counted from a distributor's file (the manufacturer approves them).
 */
export type Movement = "sell_through" | "customer_return" | "return_to_vendor" | "adjustment";

/** One line-level POS record as read from a file (before the part is resolved). */
export interface PosLine {
  /** 1-based physical line in a text file, row number in a sheet, segment position in X12. */
  line: number;
  movement: Movement;
  /** X12 867 PTD01 (SS, DS, RV, …); absent for spreadsheets. */
  transferType?: string;
  identifiers: PartIds;
  /** Signed units: a credit (end-customer return) is negative; a return to vendor is positive. */
  quantity: number;
  /** ISO date YYYY-MM-DD. */
  date?: string;
  invoice?: string;
  invoiceLine?: string;
  unitPrice?: number;
  endCustomer?: string;
  shipToCity?: string;
  shipToState?: string;
  shipToCountry?: string;
  description?: string;
  /** Unit of measure of `quantity` as the file gives it (X12 QTY03, a unit column or header: EA, CA, DZ…); absent = units. */
  unit?: string;
}

/** A POS line accepted into the result, with its part resolved to our SKU. */
export interface ResolvedPosLine extends PosLine {
  sku: string;
}

/** One per-SKU summary record (a row of an inventory/sales summary, an X12 852 item). */
export interface SummaryRow {
  line: number;
  identifiers: PartIds;
  /** null/undefined = the file does not report this figure for the row. */
  sold?: number | null;
  returned?: number | null;
  onHand?: number | null;
  received?: number | null;
  /** Spreadsheet summaries: returns from end customers (net sold = sold − these). */
  customerReturns?: number | null;
  description?: string;
  /** Unit of measure per figure as the file gives it (X12 ZA03, a unit column or header); absent = units. */
  units?: { sold?: string; returned?: string; onHand?: string; received?: string; customerReturns?: string };
}

export interface RowError {
  line: number;
  /** The column's header as the file spells it (X12: the element, e.g. "QTY02"). */
  column?: string;
  message: string;
}
export interface Skipped {
  line: number;
  reason: string;
}
/**
 * Something the answer had to assume or could not use, said with the line and a stable `code` for
 * automation (the contract: `{ line?, code, message }`): `partial_coverage`, `date_order`, `encoding`,
 * `envelope`, `transmission_cut`, `control_totals`, `segment_ignored`, `location_split`,
 * `returns_without_sales`, `no_date`, `no_period`, `file_period`, `no_date_column`, `column_values`,
 * `unit`, `code_not_used`, `repeated_sku`, `locations_added`, `adjustment_not_counted`,
 * `credits_exceed_sales`, `identical_lines`, `row_value`, `sender`, `more_warnings`.
 */
export interface Warning {
  line?: number;
  code: string;
  message: string;
}

/**
 * A code the file uses and what Sellthru did with it (X12 852 ZA activity codes, 867 PTD transfer
 * types, units of measure): every code met is named with its meaning, used or not.
 */
export interface CodeNote {
  /** As written in the file: "ZA*QP", "PTD*SD", "QTY03 CA". */
  code: string;
  /** The code's meaning in the X12 code list (or "not an X12 code" when it is not in the list). */
  meaning: string;
  /** What was done with it: "sold", "on hand", "returned by customers (subtracted from sold)", "not used", … */
  use: string;
  /** How many times it occurs. */
  count: number;
}

/**
 * Per-SKU totals. `null` means "the file does not report this figure" (e.g. an inventory-only file
 * has sold and returned null; a POS file has onHand null) — the caller keeps its own value then.
 */
export interface SkuTotals {
  sku: string;
  sold: number | null;
  returned: number | null;
  onHand: number | null;
  /** Only X12 852 `ZA*QR`: informational (sell-in comes from the manufacturer's ERP). */
  received?: number | null;
  /** Customer returns the file gives per SKU, already subtracted from `sold` (informational). */
  customerReturns?: number | null;
}

/** The answer of `POST /api/v1/uploads` (without `uploadId`, which the caller adds). */
export interface UploadResult {
  format: Format;
  kind: Kind;
  /** Data rows below the header (spreadsheets) or items (X12); blank lines are not rows. */
  rowsRead: number;
  rowsAccepted: number;
  /** One entry per rejected row. */
  errors: RowError[];
  unknownParts: { part: string; rows: number }[];
  lines: SkuTotals[];
  outOfPeriod: { line: number; date: string }[];
  duplicates: { line: number; invoice: string; invoiceLine: string }[];
  /** Accepted sales lines with a negative quantity (credit notes, end-customer returns). */
  credits: number;
  skipped: Skipped[];
  /** Accepted POS lines (empty when the caller streams them to `onPosLines`). */
  posLines: ResolvedPosLine[];
  warnings: Warning[];
  /** Spreadsheets: 1-based line/row of the header, the mapping used and its signature. */
  headerLine?: number;
  headers?: string[];
  mapping?: Mapping;
  headerSignature?: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  dateOrder?: DateOrder;
  /** The reporting period the file itself declares (X12 XQ / BPT+DTM), as ISO dates. */
  filePeriod?: { start?: string; end?: string };
  /** X12: every activity code / transfer type / unit met, with its meaning and what was done with it. */
  codes?: CodeNote[];
  /**
   * Lines that repeat an earlier line in every field, counted (the default) until the distributor
   * answers `duplicates: "drop"` (then they are in `duplicates`, not counted). `needs.duplicates` asks.
   */
  identicalLines?: { line: number; invoice: string; invoiceLine: string }[];
  /** X12: the sender IDs the file names (ISA05:ISA06, GS02, DUNS/GLN of the sending N1 parties). */
  sender?: { isa: string[]; gs: string[]; duns: string[]; gln: string[] };
  /** Quantities in cases/boxes/packs of SKUs whose pack size is not known (rows in `errors`): `needs.packSizes` asks. */
  packSizesNeeded?: { sku: string; unit: string; rows: number }[];
  /** First and last date of the accepted dated lines (POS files). */
  dateRange?: { first: string; last: string };
  /** The days of the period the file covers (declared, else its lines' dates); `partial` also warns. */
  coverage?: { from: string; to: string; days: number; periodDays: number; source: "file" | "lines"; partial: boolean };
}

/** What the caller must ask the user before the result can be trusted. */
export interface Needs {
  /** No confident mapping for an identifier and a quantity column: show this and ask. */
  mapping?: boolean;
  suggested?: Mapping;
  confidence?: Record<number, number>;
  headers?: string[];
  preview?: string[][];
  /** Dates like 03/04/2026 never disambiguated: the result used `assumed`; ask and re-parse. */
  dateOrder?: boolean;
  assumed?: DateOrder;
  /** Several sheets could hold the data: ask which (the result used the first of them). */
  sheet?: string[];
  /** Lines identical in every field were counted: ask keep or drop (`identicalLines` lists them). Answer: `duplicates: "keep" | "drop"`. */
  duplicates?: { lines: number[]; count: number };
  /** Quantities in cases/boxes/packs whose pack size is not known were not counted: ask the units per pack. Answer: `packSizes: { SKU: n }`. */
  packSizes?: { sku: string; unit: string; rows: number }[];
  /** An inventory summary left out SKUs the distributor holds: keep last period's, set to 0, or leave them (filled in by the data layer). */
  absentSkus?: { sku: string; opening: number; received: number }[];
  /** Why the mapping is asked (a low-confidence column, a required field missing), in words. */
  reasons?: string[];
}

/** A spreadsheet's header as found, the header suggestions and the first five data rows (for the mapping step). */
export interface Layout {
  signature: string;
  headers: string[];
  preview: string[][];
  suggested: Mapping;
  confidence: Record<number, number>;
}

/** `layout`: only from {@link probeLayout} (lib/imports/index.ts), which reads no row past the sample. */
export type ParseOutcome = UploadResult & { needs?: Needs; layout?: Layout };

/** A raw cell of a tabular file: CSV gives strings; XLSX gives numbers, dates, booleans too. */
export type Cell = string | number | boolean | Date | null;
export interface RawRow {
  line: number;
  cells: Cell[];
}
