/**
 * Start-up check that postgres.js carries our patch (patches/postgres+3.4.9.patch, applied by
 * patch-package at install; see patches/README.md). Without it a connection dropped mid-transaction
 * can crash the process (porsager/postgres#1208) or commit half a transaction (#1216). An install
 * with `--ignore-scripts` skips the patch silently, so the app refuses to open Postgres without it.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

/** What each patched file must contain, for each of the package's builds (ESM, CommonJS, Workers). */
export const POSTGRES_PATCH_MARKS: Record<string, string[]> = {
  "connection.js": ["sellthru: porsager/postgres#1208"],
  "index.js": [
    "sellthru: porsager/postgres#1216 (closed)",
    "sellthru: porsager/postgres#1216 (declare)",
    "sellthru: porsager/postgres#1216 (reject)",
  ],
};

/** The installed postgres.js folder (resolved from the app's root, as the server loads it). */
export function postgresPackageDir(root = process.cwd()): string {
  const require = createRequire(path.join(/*turbopackIgnore: true*/ root, "package.json"));
  // "postgres" resolves to <dir>/cjs/src/index.js (the package exports no package.json).
  return path.resolve(path.dirname(require.resolve("postgres")), "..", "..");
}

/** The marks that are missing, as "<file>: <mark>"; empty when the patch is in place. */
export function missingPostgresPatch(dir = postgresPackageDir()): string[] {
  const missing: string[] = [];
  for (const build of ["src", "cjs/src"]) {
    for (const [file, marks] of Object.entries(POSTGRES_PATCH_MARKS)) {
      const full = path.join(dir, build, file);
      const text = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : "";
      for (const mark of marks) if (!text.includes(mark)) missing.push(`${build}/${file}: ${mark}`);
    }
  }
  return missing;
}

export function assertPostgresPatched(dir?: string): void {
  const missing = missingPostgresPatch(dir);
  if (missing.length) {
    throw new Error(
      `postgres.js is installed without Sellthru's patch (${missing.join("; ")}). ` +
        "Run `npm install` (or `npx patch-package`) without --ignore-scripts: patches/postgres+3.4.9.patch guards against " +
        "a crash and a half-committed transaction when a connection drops (patches/README.md).",
    );
  }
}
