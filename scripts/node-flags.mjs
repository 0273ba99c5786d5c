/**
 * The V8 flags the production server runs with (`npm start` → scripts/start.mjs; the benchmarks
 * spawn the server with the same ones).
 *
 * `--max-semi-space-size=64` (MB): a larger young generation for the main thread. A request that
 * parses a file allocates short-lived rows at a high rate; with V8's default semi-space (16 MB on
 * 64-bit) they are scavenged so often that rows still in use get promoted to the old generation and
 * collected again by full mark-compact cycles over Next.js's whole heap. bench/ingest's HTTP upload
 * of 1 M lines: the main thread's garbage collection fell from ~1.2 to ~0.3 CPU-s per upload and
 * the server's CPU by about a third, resident growth no higher (figures: bench/ingest/README.md).
 * The part-reader worker keeps its own young-generation cap (lib/imports/split/part-readers.ts).
 *
 * A flag the operator already gives in NODE_OPTIONS wins: ours is then left out.
 */
export const SERVER_V8_FLAGS = ["--max-semi-space-size=64"];

/** The flags to pass to `node` for the server, leaving out those NODE_OPTIONS already sets. */
export function serverNodeFlags(nodeOptions = process.env.NODE_OPTIONS ?? "") {
  const given = nodeOptions.split(/\s+/).map((o) => o.replaceAll("_", "-").split("=")[0]);
  return SERVER_V8_FLAGS.filter((flag) => !given.includes(flag.split("=")[0]));
}
