/**
 * Movement types and their signs. Quantities are stored unsigned with a type; the sign a movement
 * has on the calculated balance is decided here and nowhere else (X12 867 transfer types and
 * Salesforce's partner inventory ledger work the same way).
 */

export const MOVEMENT_TYPES = [
  "opening_balance",
  "sell_in",
  "sell_through",
  "customer_return",
  "return_to_vendor",
  "transfer_in",
  "transfer_out",
  "adjustment_in",
  "adjustment_out",
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export function isMovementType(value: unknown): value is MovementType {
  return typeof value === "string" && (MOVEMENT_TYPES as readonly string[]).includes(value);
}

/** Effect of one unit of each movement type on the calculated (on-hand) balance. */
export const MOVEMENT_SIGN: Readonly<Record<MovementType, 1 | -1>> = {
  opening_balance: 1,
  sell_in: 1,
  sell_through: -1,
  customer_return: 1,
  return_to_vendor: -1,
  transfer_in: 1,
  transfer_out: -1,
  adjustment_in: 1,
  adjustment_out: -1,
};

export const LEDGER_COLUMNS = ["opening", "sellIn", "sellThrough", "returns", "adjustments"] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/**
 * The ledger column each movement type rolls into. customer_return belongs to sellThrough: that
 * column holds net units resold, so a customer return of 5 lowers sellThrough by 5.
 */
export const MOVEMENT_COLUMN: Readonly<Record<MovementType, LedgerColumn>> = {
  opening_balance: "opening",
  sell_in: "sellIn",
  sell_through: "sellThrough",
  customer_return: "sellThrough",
  return_to_vendor: "returns",
  transfer_in: "adjustments",
  transfer_out: "adjustments",
  adjustment_in: "adjustments",
  adjustment_out: "adjustments",
};

/**
 * How each column enters calculated = opening + sellIn − sellThrough − returns + adjustments.
 * A column's own value is (balance effect) × (this orientation), so sellThrough and returns are
 * shown as positive numbers of units that left the distributor.
 */
export const COLUMN_ORIENTATION: Readonly<Record<LedgerColumn, 1 | -1>> = {
  opening: 1,
  sellIn: 1,
  sellThrough: -1,
  returns: -1,
  adjustments: 1,
};

function assertQuantity(qty: number): void {
  if (!Number.isFinite(qty) || qty < 0) throw new RangeError(`Movement quantity must be a finite number >= 0, got ${qty}`);
}

/** The signed effect of an unsigned quantity of `type` on the calculated balance. */
export function signedQuantity(type: MovementType, qty: number): number {
  assertQuantity(qty);
  return MOVEMENT_SIGN[type] * qty;
}

/** What a movement adds to a ledger column, in that column's own orientation (0 if it belongs elsewhere). */
export function columnContribution(type: MovementType, qty: number, column: LedgerColumn): number {
  if (MOVEMENT_COLUMN[type] !== column) return 0;
  return signedQuantity(type, qty) * COLUMN_ORIENTATION[column];
}

/**
 * Turns a signed correction to the balance into an unsigned adjustment movement.
 * Throws on 0 (movements carry a quantity > 0) and on non-finite input.
 */
export function signedCorrection(signed: number): { type: "adjustment_in" | "adjustment_out"; quantity: number } {
  if (!Number.isFinite(signed) || signed === 0) throw new RangeError(`A correction must be a non-zero finite number, got ${signed}`);
  return signed > 0 ? { type: "adjustment_in", quantity: signed } : { type: "adjustment_out", quantity: -signed };
}

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_.]*$/i;

/**
 * SQL fragment giving a movement's contribution to one ledger column, in the column's own
 * orientation: `CASE <typeColumn> WHEN 'sell_through' THEN <qty> WHEN 'customer_return' THEN -(<qty>) ELSE 0 END`.
 * Generated from MOVEMENT_SIGN / MOVEMENT_COLUMN so SQL and TypeScript cannot disagree.
 * Both column arguments must be plain (optionally qualified) identifiers; anything else throws.
 */
export function movementColumnSql(typeColumn: string, qtyColumn: string, column: LedgerColumn): string {
  for (const [name, value] of [["typeColumn", typeColumn], ["qtyColumn", qtyColumn]] as const) {
    if (typeof value !== "string" || !SQL_IDENTIFIER.test(value)) throw new Error(`movementColumnSql: ${name} must be a simple identifier, got ${JSON.stringify(value)}`);
  }
  if (!(LEDGER_COLUMNS as readonly string[]).includes(column)) throw new Error(`movementColumnSql: unknown ledger column ${JSON.stringify(column)}`);
  const whens = MOVEMENT_TYPES.filter((t) => MOVEMENT_COLUMN[t] === column).map((t) => {
    const sign = MOVEMENT_SIGN[t] * COLUMN_ORIENTATION[column];
    return `WHEN '${t}' THEN ${sign === 1 ? qtyColumn : `-(${qtyColumn})`}`;
  });
  return `CASE ${typeColumn} ${whens.join(" ")} ELSE 0 END`;
}
