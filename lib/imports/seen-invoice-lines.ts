/**
 * The invoice lines an upload has seen, per transfer type: how a repeated invoice line (a duplicate
 * row) is recognised at a million lines without building a key string per row, exported compactly
 * for the part read on another thread and checked against it (`split/csv-split.ts`).
 */

/**
 * The invoices of one transfer type: their numbers back to back (`lengths` says where each ends),
 * each one's lines as a bit mask of lines 1…30 (`masks`), or — rarely — as a list (`sets`: index → lines).
 */
export interface SeenInvoices {
  type: string;
  invoices: string;
  lengths: Uint32Array;
  masks: Int32Array;
  sets: [number, string[]][];
}

/**
 * An invoice line of one or two characters as a whole number, as `Number(line)` reads it ("7", "07",
 * " 7", "7."), else 0. Digits are read directly: `Number` per row cost more.
 */
export function smallLine(line: string): number {
  const a = line.charCodeAt(0) - 48;
  if (line.length === 1 && a >= 0 && a <= 9) return a;
  const b = line.charCodeAt(1) - 48;
  if (line.length === 2 && a >= 0 && a <= 9 && b >= 0 && b <= 9) return a * 10 + b;
  if (line.length > 2) return 0;
  const n = Number(line);
  return Number.isInteger(n) ? n : 0;
}

function linesOfMask(mask: number): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i <= 30; i++) if (mask & (1 << i)) out.add(String(i));
  return out;
}

export class SeenInvoiceLines {
  private readonly seen = new Map<string, Map<string, number | Set<string>>>();

  /**
   * Invoice → the lines seen: a bit mask while line numbers are 1…30 (nearly always), else a set.
   * No key string is built per row, which matters at a million lines. Lines of one invoice nearly
   * always follow each other, so the current invoice's entry is kept outside the map and written
   * back when another invoice comes: one map lookup per invoice rather than per line.
   */
  private curMap: Map<string, number | Set<string>> | null = null;
  private curType = "";
  private curInvoice = "";
  private curNew = false;
  private curValue: number | Set<string> = 0;

  /** True when this invoice line of this transfer type was seen before; otherwise notes it. */
  seenOrAdd(type: string, invoice: string, line: string): boolean {
    if (this.curMap === null || this.curInvoice !== invoice || this.curType !== type) {
      this.writeBack();
      let byInvoice = this.seen.get(type);
      if (!byInvoice) this.seen.set(type, (byInvoice = new Map()));
      const seen = byInvoice.get(invoice);
      this.curMap = byInvoice;
      this.curType = type;
      this.curInvoice = invoice;
      this.curNew = seen === undefined;
      this.curValue = seen ?? 0;
    }
    const n = smallLine(line);
    const bit = n >= 1 && n <= 30 ? 1 << n : 0;
    const seen = this.curValue;
    if (typeof seen === "number") {
      if (bit) {
        if (seen & bit) return true;
        this.curValue = seen | bit;
        return false;
      }
      const lines = new Set<string>([line]);
      for (let i = 1; i <= 30; i++) if (seen & (1 << i)) lines.add(String(i));
      this.curValue = lines;
      return false;
    }
    const k = bit ? String(n) : line;
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  }

  private writeBack(): void {
    if (this.curMap === null) return;
    const invoice = this.curInvoice;
    if (this.curNew) {
      // Long substrings would keep the parser's whole 64 KB chunk alive: store a copy.
      this.curMap.set(invoice.length >= 13 ? (" " + invoice).slice(1) : invoice, this.curValue);
      this.curNew = false;
    } else this.curMap.set(invoice, this.curValue);
  }

  /** Every invoice seen, compact (typed arrays and one string per type) to cross threads cheaply. */
  export(): SeenInvoices[] {
    this.writeBack();
    return [...this.seen].map(([type, byInvoice]) => {
      const lengths = new Uint32Array(byInvoice.size);
      const masks = new Int32Array(byInvoice.size);
      const sets: [number, string[]][] = [];
      const numbers: string[] = [];
      let i = 0;
      for (const [inv, v] of byInvoice) {
        numbers.push(inv);
        lengths[i] = inv.length;
        if (typeof v === "number") masks[i] = v;
        else sets.push([i, [...v]]);
        i++;
      }
      return { type, invoices: numbers.join(""), lengths, masks, sets };
    });
  }

  /** True when a line of `later` (another part's export) repeats an invoice line seen here. */
  overlaps(later: SeenInvoices[]): boolean {
    this.writeBack();
    for (const { type, invoices, lengths, masks, sets } of later) {
      const mine = this.seen.get(type);
      if (!mine) continue;
      const listed = new Map(sets);
      for (let i = 0, at = 0; i < lengths.length; at += lengths[i]!, i++) {
        const m = mine.get(invoices.slice(at, at + lengths[i]!));
        if (m === undefined) continue;
        const theirs = listed.get(i);
        if (typeof m === "number" && !theirs) {
          if (m & masks[i]!) return true;
          continue;
        }
        const a = typeof m === "number" ? linesOfMask(m) : m;
        for (const line of theirs ?? linesOfMask(masks[i]!)) if (a.has(line)) return true;
      }
    }
    return false;
  }
}
