/**
 * The upload wing's threads and storage, behind one entry point: a large line-level CSV read in two
 * parts at once (`csv-split.ts`: the main reader's plan, a worker thread from `part-readers.ts` running
 * `csv-part-worker.ts` → `csv-part.ts` on the later part) and POS lines stored as compact blocks
 * (`pos-blocks.ts`). The one-pass parser (`lib/imports/*.ts`) knows none of this: it takes a
 * `TableSplit` when the caller brings one.
 */
export { CsvSplit, SplitAbandoned, type SplitInput } from "./csv-split";
export { prewarmPartReaders, partReadersBusy } from "./part-readers";
export {
  BLOCK_FORMAT,
  BLOCK_LINES,
  CopyTextWriter,
  PosBlockBuilder,
  decodePosBlock,
  productIdsOf,
  writePosLine,
  type PosLineOut,
} from "./pos-blocks";
