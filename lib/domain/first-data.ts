/** One period of a distributor × SKU's flow, as the drill-down charts it. */
export interface FlowFacts {
  sellIn: number;
  sellThrough: number;
  calculated: number;
  reported: number | null;
}

/** Leading periods with nothing in them (no stock, no movement, nothing reported) left out: a chart starts at the first period with data. */
export function fromFirstData<T extends FlowFacts>(points: readonly T[]): T[] {
  const first = points.findIndex((p) => p.sellIn !== 0 || p.sellThrough !== 0 || p.calculated !== 0 || (p.reported !== null && p.reported !== 0));
  return first < 0 ? [] : points.slice(first);
}
