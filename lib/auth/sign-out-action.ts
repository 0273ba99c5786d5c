"use server";

import { runPublicAction } from "./action";
import { signOut } from "./auth";

/** Signs out and goes to the sign-in page. */
export async function signOutAction(): Promise<void> {
  // A plain <form action>: success is the redirect; a failure is logged by the wrapper and the page stays.
  await runPublicAction({ name: "sign-out" }, async () => {
    await signOut({ redirectTo: "/sign-in" });
  });
}
