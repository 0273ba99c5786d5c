import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/*.test.ts", "components/**/*.test.{ts,tsx}", "app/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // Some unit tests parse generated files of several MB (the split reader against one pass): room for a loaded machine.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "db/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          globalSetup: ["lib/testing/global-setup.ts"],
          // Passwords hashed at scrypt N=2^12 instead of 2^17: the account tests hash and verify dozens
          // (lib/auth/password.ts; the default cost has its own unit test).
          env: { SELLTHRU_SCRYPT_COST: "12" },
        },
      },
    ],
  },
});
