/**
 * What changed between two sets of report lines, per SKU (case-insensitive): added, removed or
 * changed with each changed field's from → to; unchanged rows are only counted. The one comparison
 * behind the history's changed rows, the API's revision diff and the submit screen's "a colleague
 * submitted meanwhile" list.
 */
export type DiffField = "sold" | "returned" | "onHand" | "note";
export interface DiffLineInput {
  sku: string;
  description?: string;
  sold: number;
  returned: number;
  onHand: number;
  note?: string | null;
}
export interface LineChange {
  sku: string;
  description: string;
  change: "added" | "removed" | "changed";
  fields: Partial<Record<DiffField, { from: number | string | null; to: number | string | null }>>;
}

const FIELDS: DiffField[] = ["sold", "returned", "onHand", "note"];

export function diffLines(before: DiffLineInput[], after: DiffLineInput[]): { changes: LineChange[]; unchanged: number } {
  const key = (s: string) => s.toUpperCase();
  const a = new Map(before.map((l) => [key(l.sku), l]));
  const b = new Map(after.map((l) => [key(l.sku), l]));
  const changes: LineChange[] = [];
  let unchanged = 0;
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(k);
    const y = b.get(k);
    const fields: LineChange["fields"] = {};
    for (const f of FIELDS) {
      const from = x ? (x[f] ?? null) : null;
      const to = y ? (y[f] ?? null) : null;
      if (from !== to) fields[f] = { from, to };
    }
    const line = (y ?? x)!;
    if (!x) changes.push({ sku: line.sku, description: line.description ?? "", change: "added", fields });
    else if (!y) changes.push({ sku: line.sku, description: line.description ?? "", change: "removed", fields });
    else if (Object.keys(fields).length) changes.push({ sku: line.sku, description: line.description ?? x.description ?? "", change: "changed", fields });
    else unchanged++;
  }
  return { changes, unchanged };
}

/** How many rows were added, removed, changed and left alone. */
export function countChanges(changes: LineChange[], unchanged: number): { added: number; removed: number; changed: number; unchanged: number } {
  return {
    added: changes.filter((c) => c.change === "added").length,
    removed: changes.filter((c) => c.change === "removed").length,
    changed: changes.filter((c) => c.change === "changed").length,
    unchanged,
  };
}
