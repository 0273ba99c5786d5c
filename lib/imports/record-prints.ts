/**
 * Fingerprints of whole POS records, so that a line counts as a duplicate only when everything
 * about it repeats (invoice, line, part, quantity, unit, date, transfer type, end customer) — a
 * credit on the sale's invoice number, or LIN01 restarting at 1 in every PTD loop, is a new line.
 *
 * Two 32-bit hashes per record (one of its key: type, invoice, line; one of the rest) in an
 * open-addressing table of typed arrays: no allocation per line, ~16 MB at a million lines. Asked
 * only after the cheap (type, invoice, line) index has seen the key, so a hash coincidence needs
 * both the key and the content hashes to collide — and even then the line is listed and asked
 * about, not dropped silently.
 */
import type { PosLine } from "./types";

function mix(h: number, s: string | undefined): number {
  if (s === undefined) return Math.imul(h ^ 0x2f, 0x01000193);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193); // field separator
}

/** `lineNumber` > 0: the invoice line as a number ("01" and "1" are the same line), else `line` as text. */
export function keyPrint(type: string, invoice: string, lineNumber: number, line: string): number {
  const h = mix(mix(0x811c9dc5 | 0, type), invoice);
  return (lineNumber > 0 ? Math.imul(h ^ lineNumber, 0x01000193) : mix(h, line)) | 0;
}

export function contentPrint(p: PosLine): number {
  const ids = p.identifiers;
  let h = 0x9747b28c | 0;
  h = mix(h, ids.sku);
  h = mix(h, ids.distributorPart);
  h = mix(h, ids.upc);
  h = Math.imul(h ^ (p.quantity | 0), 0x5bd1e995);
  h = Math.imul(h ^ Math.floor(p.quantity / 4294967296), 0x5bd1e995);
  h = mix(h, p.date);
  h = mix(h, p.endCustomer);
  h = mix(h, p.unit);
  return (h ^ (h >>> 15)) | 0;
}

/** murmur3's finaliser: every bit of the key reaches the low bits the table indexes by. */
function slot(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class RecordPrints {
  private keys = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private used = new Uint8Array(1 << 12);
  private size = 0;

  /** True when (key, content) was added before; adds it otherwise. */
  seenOrAdd(key: number, content: number): boolean {
    let mask = this.keys.length - 1;
    let i = slot(key) & mask;
    while (this.used[i]) {
      if (this.keys[i] === key && this.values[i] === content) return true;
      i = (i + 1) & mask;
    }
    this.keys[i] = key;
    this.values[i] = content;
    this.used[i] = 1;
    if (++this.size * 2 > this.keys.length) {
      this.grow();
      mask = this.keys.length - 1;
    }
    return false;
  }

  private grow(): void {
    const { keys, values, used } = this;
    const n = keys.length * 2;
    this.keys = new Int32Array(n);
    this.values = new Int32Array(n);
    this.used = new Uint8Array(n);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (used[i]) this.seenOrAdd(keys[i]!, values[i]!);
  }
}
