import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/config/env";

/**
 * AUTH_SECRET from the environment; for the embedded demo (no DATABASE_URL) one is generated once and
 * kept in the data folder. With DATABASE_URL it is required.
 */
export function resolveAuthSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.DATABASE_URL) throw new Error("AUTH_SECRET is required when DATABASE_URL is set (openssl rand -base64 32)");
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.SELLTHRU_DATA_DIR);
  const file = path.join(dir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
