import { describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { AppError, DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable, isDatabaseUnavailable } from "./errors";

/** What postgres.js throws when its socket goes away mid-query (errno/code CONNECTION_CLOSED). */
const pgJs = (code: string) => Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code, errno: code });
const pgServer = (code: string) => Object.assign(new Error("terminating connection due to administrator command"), { name: "PostgresError", code, severity: "FATAL" });

describe("database outage errors", () => {
  it("recognises a lost or refused connection, also wrapped in drizzle's query error", () => {
    for (const e of [
      pgJs("CONNECTION_CLOSED"), pgJs("CONNECTION_DESTROYED"), pgJs("CONNECT_TIMEOUT"), pgJs("ECONNREFUSED"), pgJs("ECONNRESET"),
      pgServer("57P01"), pgServer("57P03"), pgServer("08006"),
      new DrizzleQueryError("insert into submission_lines …", [], pgJs("CONNECTION_CLOSED")),
    ]) {
      expect(isDatabaseUnavailable(e), String((e as Error).message)).toBe(true);
    }
  });

  it("leaves other failures alone", () => {
    for (const e of [
      new Error("boom"), pgServer("23505"), pgServer("40001"), new AppError("conflict", "stale"), null, "CONNECTION_CLOSED",
      new DrizzleQueryError("select 1", [], pgServer("42P01")),
    ]) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
  });

  it("becomes a 503 that says nothing was stored, without the SQL", () => {
    const e = databaseUnavailable(new DrizzleQueryError("insert into submission_lines (revision_id) values ($1)", ["x"], pgJs("CONNECTION_CLOSED")))!;
    expect([e.code, e.status, e.message]).toEqual(["database_unavailable", 503, DATABASE_UNAVAILABLE_MESSAGE]);
    expect(e.message).toMatch(/nothing was stored/);
    expect(e.message).not.toMatch(/insert|submission_lines|CONNECTION/i);
    expect(databaseUnavailable(new Error("boom"))).toBeNull();
  });
});
