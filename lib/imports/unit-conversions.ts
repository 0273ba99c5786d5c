/**
 * Quantities given in a unit other than eaches, on their way into an upload's totals: converted with
 * the fixed factor or the SKU's pack size (each conversion said once per unit in the answer's codes),
 * or refused as an error row that asks for the pack size; rows that leave the unit empty are counted
 * as eaches and said in a warning. Part of the Aggregator (aggregate.ts), which owns the codes and
 * the error rows. A file read in two parts never has units (`split/csv-split.ts` reads it in one).
 */
import { toUnits, unitMeaning, unitPlural } from "../domain/units";
import type { CodeNote, RowError, UploadResult, Warning } from "./types";

export interface UnitOptions {
  /** Units per case/box/pack of a SKU in the file's unit (catalogue or the distributor's answer); null when not known. */
  packSize?: (sku: string, unit: string) => number | null | undefined;
  /** The column a unit problem names: a spreadsheet's unit (or quantity) header; X12's are QTY03 (POS lines) and ZA03 (summaries). */
  unitColumn?: string;
}

export class UnitConversions {
  /** Rows whose unit column is empty (counted as units), and the first of them. */
  private readonly empty = { rows: 0, first: 0 };
  /** SKU + unit → rows that could not be converted to units (pack size unknown). */
  private readonly asks = new Map<string, { sku: string; unit: string; rows: number }>();

  constructor(
    private readonly opts: UnitOptions,
    private readonly out: { note(n: CodeNote): void; readonly errors: RowError[] },
  ) {}

  /** `quantity` in `unit` as units; null after an error row (and, for a pack, a question) when it cannot be. */
  inUnits(quantity: number, unit: string, sku: string, line: number, column: string): number | null {
    const c = toUnits(quantity, unit, this.opts.packSize?.(sku, unit));
    if (!c.ok) {
      this.problem(sku, c.unit, c.reason, line, this.opts.unitColumn ?? column);
      return null;
    }
    // Eaches need no word.
    if (c.factor !== 1 || c.kind !== "each") {
      this.out.note({ code: `unit ${unit}`, meaning: unitMeaning(unit), use: c.kind === "pack" ? "converted to units with the product's pack size" : `converted to units (× ${c.factor})`, count: 1 });
    }
    return c.units;
  }

  leftEmpty(line: number): void {
    if (this.empty.rows++ === 0) this.empty.first = line;
  }

  /** Adds the pack sizes to ask for and the warning on empty units to the answer (at its end). */
  finish(result: UploadResult, warnings: Warning[]): void {
    if (this.asks.size > 0) result.packSizesNeeded = [...this.asks.values()];
    if (this.empty.rows > 0) {
      const { rows, first } = this.empty;
      warnings.push({ line: first, code: "unit", message: `${rows} row(s) leave the unit (“${this.opts.unitColumn ?? "unit"}”) empty, from line ${first}: counted as units (eaches)` });
    }
  }

  private problem(sku: string, unit: string, reason: "pack_size_unknown" | "unknown_unit", line: number, column: string): void {
    if (reason === "pack_size_unknown") {
      const key = `${sku}\u0000${unit}`;
      const ask = this.asks.get(key);
      if (ask) ask.rows++;
      else this.asks.set(key, { sku, unit, rows: 1 });
      this.out.errors.push({ line, column, message: `Quantity in ${unitPlural(unit)} (${unit}) and the pack size of ${sku} is not known: not counted. Give the units per ${unit} and upload again` });
    } else {
      this.out.errors.push({ line, column, message: `Quantity in “${unit}”: not a unit Sellthru can count (eaches, dozens, grosses, or cases, boxes and packs with a pack size); not counted` });
    }
  }
}
