/**
 * The benchmarks' scratch database: refuses anything but a local server and a plain database name,
 * then creates the database named in `url` — dropped first when `fresh` (the default), else kept when
 * it exists (a benchmark that reuses its generated data).
 */
import postgres from "postgres";

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host)) throw new Error(`Refusing to benchmark a non-local database (${host})`);
}

export async function scratchDatabase(url: string, { fresh = true }: { fresh?: boolean } = {}): Promise<void> {
  assertLocal(url);
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name ${name}: use a local scratch database with a simple name`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    if (fresh) await admin.unsafe(`drop database if exists ${name} with (force)`);
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
}
