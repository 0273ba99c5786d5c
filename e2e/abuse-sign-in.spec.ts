/**
 * Issue 12, item 3: sign-in throttling that holds under concurrency, does not believe a client's
 * X-Forwarded-For, and cannot be used to lock the owner out of an account.
 */
import { test, expect, request as pwRequest } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf } from "./accounts";
import { RawClient, ownLoopback } from "./raw-client";

const PASSWORD = "correct horse battery staple";

async function newUser(label: string): Promise<string> {
  const admin = await pwRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@halcyon.test`;
  const res = await admin.post("/api/v1/admin/users", { data: { email, name: label, role: "channel_manager", password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(201);
  await admin.dispose();
  return email;
}

test.describe("sign-in throttling", () => {
  test("30 concurrent wrong passwords and then the right one: no session", async () => {
    test.setTimeout(120_000);
    const email = await newUser("burst");
    const clients = Array.from({ length: 31 }, () => new RawClient(ownLoopback(1)));
    const tokens = await Promise.all(clients.map((c) => c.csrf()));
    let answered = 0;
    const wrong = clients.slice(0, 30).map((c, i) => c.postSignIn(tokens[i]!, email, `wrong password ${i}`).finally(() => answered++));
    // The right one while the thirty are still being answered — once five of them are, so it cannot
    // overtake them all on a busy server (a right password before any guess is simply a sign-in).
    await expect.poll(() => answered, { timeout: 60_000, intervals: [20] }).toBeGreaterThanOrEqual(5);
    const right = clients[30]!.postSignIn(tokens[30]!, email, PASSWORD);
    const answers = await Promise.all([...wrong, right]);
    expect(answers.every((a) => a.status < 500)).toBe(true);
    expect(await clients[30]!.signedIn()).toBe(false);
    for (const c of clients.slice(0, 30)) expect(await c.signedIn()).toBe(false);
  });

  test("a client-set X-Forwarded-For does not move the per-address limit", async () => {
    test.setTimeout(120_000);
    const client = new RawClient(ownLoopback(2));
    const statuses: number[] = [];
    // Bounded: 21 guesses at 21 different accounts, each claiming another address.
    for (let i = 0; i < 21; i++) {
      const res = await client.signIn(`spray-${i}-${Date.now()}@halcyon.test`, "wrong password", { "x-forwarded-for": `198.51.100.${i + 1}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s !== 429)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another address is not affected.
    expect((await new RawClient(ownLoopback(3)).signIn(`spray-other-${Date.now()}@halcyon.test`, "wrong password")).status).not.toBe(429);
  });

  test("nobody can lock the owner out: strangers are slowed down, the owner's browser still signs in", async () => {
    test.setTimeout(120_000);
    const email = await newUser("owner");
    const owner = new RawClient(ownLoopback(4));
    await owner.signIn(email, PASSWORD);
    expect(await owner.signedIn()).toBe(true);
    owner.jar.delete("authjs.session-token"); // signed out locally; the known-device cookie stays

    const stranger = new RawClient(ownLoopback(5));
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) seen.push((await stranger.signIn(email, `guess ${i}`)).status);
    expect(seen.slice(5).every((s) => s === 429)).toBe(true);
    // A new browser is slowed down too (no captcha: it waits), with a Retry-After to say how long.
    const fresh = await new RawClient(ownLoopback(6)).signIn(email, PASSWORD);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(fresh.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);

    await owner.signIn(email, PASSWORD);
    expect(await owner.signedIn()).toBe(true);
  });
});
