import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Resolve "@/…" as TypeScript does; never parse node_modules (a package's own graph is not ours). */
const IMPORT_SETTINGS = { "import/resolver": { typescript: { project: "./tsconfig.json" } }, "import/ignore": ["node_modules"] };

/** A no-restricted-paths rule for `files` (tests may cross a wall to exercise what is behind it). */
function wall(files, zones, ignores = []) {
  return {
    files,
    ignores,
    settings: IMPORT_SETTINGS,
    rules: { "import/no-restricted-paths": ["error", { zones }] },
  };
}

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", ".data-*/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts", "bench/out/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // The walls the README draws (Architecture), checked over the import graph by eslint-plugin-import
  // (registered by eslint-config-next): no circle anywhere; db never reaches into the data layer (it
  // may use the domain's constant lists); lib and components never into app; the domain is pure.
  {
    files: ["app/**", "components/**", "lib/**", "db/**", "instrumentation.ts", "proxy.ts"],
    settings: IMPORT_SETTINGS,
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  wall(["db/**"], [{ target: "./db", from: "./lib/dal", message: "db/ sits below the data layer (the demo is seeded by lib/seed at start-up)" }], ["**/*.test.ts"]),
  wall(["lib/**"], [{ target: "./lib", from: "./app", message: "lib/ never imports app/" }], ["**/*.test.ts"]),
  wall(["components/**"], [{ target: "./components", from: "./app", message: "components never import app/: the page passes its server actions as props" }]),
  wall(["lib/domain/**"], [{ target: "./lib/domain", from: ["./db", "./lib/dal", "./lib/http", "./lib/auth", "./app", "./components"], message: "lib/domain is pure" }]),
  // Raw SQL results reach production code only through rows()/firstRow() and a mapper (lib/dal/sql-rows.ts).
  {
    files: ["app/**", "components/**", "lib/**", "db/**", "scripts/**", "instrumentation.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/sql-rows"], importNames: ["asRows"], message: "Use rows()/firstRow() with a mapper: asRows is for tests and benchmarks" }] }],
    },
  },
];

export default config;
