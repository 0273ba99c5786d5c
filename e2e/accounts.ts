import { expect, type Page } from "@playwright/test";
import { port } from "./env";
/** The demo accounts (seeded on the embedded database); all share one password. */
export const DEMO_PASSWORD = "sellthru-demo";

export const ACCOUNTS = {
  admin: { email: "admin@halcyon.test", role: "admin", landing: "/gaps" },
  manager: { email: "manager@halcyon.test", role: "channel_manager", landing: "/gaps" },
  manager2: { email: "manager2@halcyon.test", role: "channel_manager", landing: "/gaps" },
  rebates: { email: "rebates@halcyon.test", role: "rebate_analyst", landing: "/gaps" },
  northwind: { email: "ops@northwind.test", role: "distributor", landing: "/submit" },
  pacificrim: { email: "ops@pacificrim.test", role: "distributor", landing: "/submit" },
  cascade: { email: "ops@cascade.test", role: "distributor", landing: "/submit" },
  meridian: { email: "ops@meridian.test", role: "distributor", landing: "/submit" },
  bluestone: { email: "ops@bluestone.test", role: "distributor", landing: "/submit" },
  kestrel: { email: "ops@kestrel.test", role: "distributor", landing: "/submit" },
} as const;

export type AccountName = keyof typeof ACCOUNTS;

/** Per port, so parallel runs against different servers never share (or overwrite) sessions. */
export const storageStateOf = (name: AccountName) => `e2e/.auth/${port}/${name}.json`;

/** Signs `page` in as `name` through the sign-in form and waits for the landing page. */
export async function signIn(page: Page, name: AccountName): Promise<void> {
  const account = ACCOUNTS[name];
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(account.landing + "$"));
}
