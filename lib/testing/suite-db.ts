/**
 * One test database for a whole test file: created before its tests and closed after them. Call it
 * before the file's own hooks (they run after it opens, and their `afterAll` before it closes) and use
 * the answer as the TestDatabase it stands for, inside hooks and tests.
 */
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-db";

/** What the tests of a file name the database they run on. */
export const databaseLabel = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

export function suiteDatabase(): TestDatabase {
  let opened: TestDatabase | undefined;
  const current = () => {
    if (!opened) throw new Error("the test database opens in beforeAll: use it inside hooks and tests");
    return opened;
  };
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(async () => opened?.close());
  return {
    get kind() { return current().kind; },
    get db() { return current().db; },
    get url() { return current().url; },
    get label() { return current().label; },
    get ownerUrl() { return current().ownerUrl; },
    owner: () => current().owner(),
    close: () => current().close(),
  };
}
