import { expect, request as pwRequest, type APIRequestContext } from "@playwright/test";
import { baseURL } from "./env";
import { storageStateOf } from "./accounts";

/** The password of users a spec creates for itself. */
export const NEW_USER_PASSWORD = "correct horse battery staple";

export async function asAdmin<T>(fn: (admin: APIRequestContext) => Promise<T>): Promise<T> {
  const admin = await pwRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  try {
    return await fn(admin);
  } finally {
    await admin.dispose();
  }
}

/**
 * A user of its own for a spec that ends sessions: signing a demo account out would end every
 * session of it (issue 12), the saved ones other specs reuse included.
 */
export async function newUser(label: string, role = "channel_manager"): Promise<string> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@halcyon.test`;
  await asAdmin(async (admin) => {
    const res = await admin.post("/api/v1/admin/users", { data: { email, name: label, role, password: NEW_USER_PASSWORD } });
    expect(res.status(), await res.text()).toBe(201);
  });
  return email;
}
