import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { env } from "@/lib/config/env";

/** scrypt at OWASP's recommended cost: N=2^17, r=8, p=1 (about 128 MiB and ~0.3–0.7 s per hash). */
export const DEFAULT_COST = 17;
const R = 8;
const P = 1;
const KEYLEN = 32;

let warned = false;
/**
 * log2 of scrypt's N for new hashes: SELLTHRU_SCRYPT_COST (10–20, validated with the rest of the
 * environment in lib/config/env.ts), 17 unless set. Lower costs are for test runs, where every sign-in
 * and user made would otherwise spend 128 MiB and most of a second of CPU; a hash always carries its
 * own parameters, so hashes made at any cost verify under any setting.
 */
function configuredCost(): number {
  const cost = env().SELLTHRU_SCRYPT_COST;
  if (cost < DEFAULT_COST && !warned) {
    warned = true;
    console.warn(`[sellthru] passwords are hashed with scrypt N=2^${cost} (SELLTHRU_SCRYPT_COST), below the recommended 2^${DEFAULT_COST}: for test runs only`);
  }
  return cost;
}

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const opts: ScryptOptions = { N: n, r, p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `cost` (log2 N) is the configured one unless given. */
export async function hashPassword(password: string, cost: number = configuredCost()): Promise<string> {
  const salt = randomBytes(16);
  const n = 2 ** cost;
  const key = await scrypt(password, salt, n, R, P);
  return `scrypt$${n}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password, verified against when the account does not exist so both answers take as long. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}
