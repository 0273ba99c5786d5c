import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "st_";

export function newApiToken(): { secret: string; hash: string; prefix: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashApiToken(secret), prefix: secret.slice(0, 10) };
}

/** Tokens are high-entropy, so a fast hash is enough; only the hash is stored. */
export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
