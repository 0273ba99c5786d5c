import { afterEach, describe, expect, it, vi } from "vitest";
import { env, resetEnvCache } from "@/lib/config/env";
import { DEFAULT_COST, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("uses scrypt N=2^17 unless SELLTHRU_SCRYPT_COST says otherwise", () => {
    expect(DEFAULT_COST).toBe(17);
    vi.stubEnv("SELLTHRU_SCRYPT_COST", undefined as unknown as string);
    resetEnvCache();
    expect(env().SELLTHRU_SCRYPT_COST).toBe(17);
    vi.stubEnv("SELLTHRU_SCRYPT_COST", "12");
    resetEnvCache();
    expect(env().SELLTHRU_SCRYPT_COST).toBe(12);
  });

  it("refuses a cost outside 10–20 or not a whole number, naming the setting", () => {
    for (const bad of ["9", "21", "12.5", "fast"]) {
      vi.stubEnv("SELLTHRU_SCRYPT_COST", bad);
      resetEnvCache();
      expect(() => env(), bad).toThrow(/SELLTHRU_SCRYPT_COST/);
    }
  });

  it("hashes at the configured cost", async () => {
    vi.stubEnv("SELLTHRU_SCRYPT_COST", "10");
    resetEnvCache();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await hashPassword("correct horse")).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it("a hash carries its parameters: one made at another cost verifies", async () => {
    const hash = await hashPassword("correct horse", 10);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
    expect(await hashPassword("correct horse", 11)).toMatch(/^scrypt\$2048\$/);
  });

  it("rejects a stored value that is not an scrypt hash", async () => {
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
  });
});
