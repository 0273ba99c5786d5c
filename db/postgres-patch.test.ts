import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertPostgresPatched, missingPostgresPatch, postgresPackageDir } from "./postgres-patch";

describe("the postgres.js patch", () => {
  it("is in place in this install (patch-package ran at npm install)", () => {
    expect(missingPostgresPatch()).toEqual([]);
    expect(() => assertPostgresPatched()).not.toThrow();
  });

  it("is noticed when an install skipped it (--ignore-scripts)", () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "sellthru-pg-"));
    try {
      fs.cpSync(postgresPackageDir(), copy, { recursive: true });
      const file = path.join(copy, "src", "index.js");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replaceAll("sellthru: porsager/postgres#1216 (reject)", ""));
      expect(missingPostgresPatch(copy)).toEqual(["src/index.js: sellthru: porsager/postgres#1216 (reject)"]);
      expect(() => assertPostgresPatched(copy)).toThrow(/without Sellthru's patch/);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
