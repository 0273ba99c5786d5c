import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_COST, hashPassword, scryptCost, verifyPassword } from "./password";

describe("password hashing", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses scrypt N=2^17 unless SELLTHRU_SCRYPT_COST says otherwise", () => {
    expect(DEFAULT_COST).toBe(17);
    expect(scryptCost({})).toBe(17);
    expect(scryptCost({ SELLTHRU_SCRYPT_COST: "" })).toBe(17);
    expect(scryptCost({ SELLTHRU_SCRYPT_COST: "12" })).toBe(12);
  });

  it("refuses a cost outside 10–20 or not a whole number, naming the setting", () => {
    for (const bad of ["9", "21", "12.5", "fast"]) expect(() => scryptCost({ SELLTHRU_SCRYPT_COST: bad })).toThrow(/SELLTHRU_SCRYPT_COST/);
  });

  it("a hash carries its parameters: one made at a lower cost verifies after the setting changes", async () => {
    vi.stubEnv("SELLTHRU_SCRYPT_COST", "10");
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    vi.stubEnv("SELLTHRU_SCRYPT_COST", "11");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
    expect(await hashPassword("correct horse")).toMatch(/^scrypt\$2048\$/);
  });

  it("rejects a stored value that is not an scrypt hash", async () => {
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
  });
});
