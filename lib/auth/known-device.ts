/**
 * Known browsers (OWASP "device cookies"): after a successful sign-in the browser keeps a signed
 * note that it signed in to this account before. Attempts that carry one are limited per browser,
 * not by the account's back-off, so a stranger hammering an account slows down strangers only
 * (lib/dal/auth/sign-in-throttle.ts). One cookie holds up to five accounts; each entry is
 * `nonce.mac`, the MAC binding the nonce to the account's e-mail with the auth secret — nothing in it
 * says which account it is for.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "./secret";

export const KNOWN_DEVICE_COOKIE = "sellthru-known-device";
const MAX_ENTRIES = 5;
const ENTRY = /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}$/;

const mac = (email: string, nonce: string) =>
  createHmac("sha256", resolveAuthSecret()).update(`known-device:${email}:${nonce}`).digest("base64url").slice(0, 22);

function entriesOf(cookieHeader: string | null | undefined): string[] {
  const raw = (cookieHeader ?? "")
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`));
  if (!raw) return [];
  return raw.slice(KNOWN_DEVICE_COOKIE.length + 1).split("~").filter((e) => ENTRY.test(e)).slice(-MAX_ENTRIES);
}

/** The device id this browser has for `email` (a valid entry), or null. */
export function knownDevice(cookieHeader: string | null | undefined, email: string): string | null {
  for (const e of entriesOf(cookieHeader)) {
    const [nonce, tag] = e.split(".") as [string, string];
    const want = Buffer.from(mac(email, nonce));
    if (want.length === tag.length && timingSafeEqual(want, Buffer.from(tag))) return nonce;
  }
  return null;
}

/** The cookie value after a successful sign-in to `email`: its entry kept (or added), at most five accounts. */
export function rememberDevice(cookieHeader: string | null | undefined, email: string): string {
  const entries = entriesOf(cookieHeader);
  if (knownDevice(cookieHeader, email)) return entries.join("~");
  const nonce = randomBytes(12).toString("base64url");
  return [...entries, `${nonce}.${mac(email, nonce)}`].slice(-MAX_ENTRIES).join("~");
}
