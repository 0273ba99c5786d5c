/**
 * For tests and benchmarks on this machine's Postgres: the app's pools connect the way production
 * must (README, Security) — as a login role that is neither the tables' owner nor a superuser, a
 * member of sellthru_app — while migrations and fixtures that need more use the owner's URL.
 * Cluster-wide and created once; only ever for a local cluster (the callers check).
 */
import postgres from "postgres";
import { openDatabase, type Database } from "./open";
import { APP_ROLE } from "./rls";

export const LOCAL_APP_LOGIN = { user: "sellthru_local_app", password: "sellthru-local-app" } as const;

/** Creates the login role if this cluster has none yet (needs the migrations' sellthru_app role, and a superuser URL). */
export async function ensureLocalAppLogin(superuserUrl: string): Promise<void> {
  const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${LOCAL_APP_LOGIN.user}') THEN
          BEGIN
            CREATE ROLE ${LOCAL_APP_LOGIN.user} LOGIN PASSWORD '${LOCAL_APP_LOGIN.password}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE ${APP_ROLE};
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
        IF NOT pg_has_role('${LOCAL_APP_LOGIN.user}', '${APP_ROLE}', 'MEMBER') THEN
          GRANT ${APP_ROLE} TO ${LOCAL_APP_LOGIN.user};
        END IF;
      END
    $$`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** `url` with the local app login as its user. */
export function asLocalAppLogin(url: string): string {
  const u = new URL(url);
  u.username = LOCAL_APP_LOGIN.user;
  u.password = LOCAL_APP_LOGIN.password;
  return u.toString();
}

/**
 * Benchmarks: migrates `ownerUrl`'s database as its owner, makes sure the local app login exists,
 * and opens a "system" pool as that login — how jobs and seeds connect in production.
 */
export async function openAsLocalApp(ownerUrl: string, pool = 4): Promise<Database> {
  await (await openDatabase({ kind: "postgres", url: ownerUrl, pool: 1 }, { connectAs: "owner" })).close();
  await ensureLocalAppLogin(ownerUrl);
  return openDatabase({ kind: "postgres", url: asLocalAppLogin(ownerUrl), pool }, { migrate: false, connectAs: "system" });
}
