import type { Sql } from "postgres";

/**
 * drizzle-orm's postgres-js driver sends every query through `sql.unsafe(text, params, { prepare: false })`
 * unless a query builder is given a statement name. postgres.js then runs a query with parameters as
 * two round trips (Parse + Describe, wait for the parameter types, then Bind + Execute) and the server
 * parses it each time. A 200-line submission is ~30 statements: ~60 round trips.
 *
 * `preparing(client)` wraps the pool so that drizzle's queries with at most
 * {@link MAX_PREPARED_PARAMS} parameters become postgres.js's named prepared statements, cached per
 * connection: after a statement's first use on a connection, one round trip, no parse. Queries with
 * more parameters (IN lists of SKUs, multi-row inserts) stay unnamed, so the set of statements a
 * connection keeps is bounded by the app's query texts, not by the sizes of lists; connections are
 * recycled by postgres.js's `max_lifetime` (30–60 min), which frees their statements too.
 *
 * Plans: the connection runs with `plan_cache_mode = force_custom_plan` (db/open.ts), so every
 * execution is still planned with its own values (filters on skewed columns keep their plans);
 * what is saved is the round trip and the parse. Row-level security is unaffected: the policies read
 * the viewer through `(select sellthru_…())` init plans, evaluated at each execution.
 *
 * Transactions and savepoints (`begin`, `savepoint`) hand drizzle a new client; it is wrapped too.
 */
export const MAX_PREPARED_PARAMS = 64;

type Unsafe = Sql["unsafe"];

export function preparing<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === "unsafe") {
        const unsafe: Unsafe = (query, params = [], options) =>
          target.unsafe(query, params, { ...options, prepare: options?.prepare || (params.length > 0 && params.length <= MAX_PREPARED_PARAMS) });
        return unsafe;
      }
      if (key === "begin" || key === "savepoint") {
        const original = Reflect.get(target, key, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const i = args.findIndex((a) => typeof a === "function");
          if (i < 0) return original.apply(target, args);
          const fn = args[i] as (c: Sql) => unknown;
          const wrapped = [...args];
          wrapped[i] = (c: Sql) => fn(preparing(c));
          return original.apply(target, wrapped);
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
