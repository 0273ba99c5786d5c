/** The caller's address as the proxy in front of us reports it (first x-forwarded-for hop). */
export function clientIp(headers: Headers | undefined | null): string | null {
  if (!headers) return null;
  const fwd = headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0]!.trim() || null;
  return headers.get("x-real-ip");
}
