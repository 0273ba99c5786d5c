"use server";

import { runAction } from "@/lib/auth/action";
import { updateSettings } from "@/lib/dal/settings/update-settings";
import type { ActionState } from "@/lib/validation/action-state";
import { formDataOf } from "@/lib/validation/form-data";

type SettingsState = ActionState<Record<string, string>>;

export async function saveSettingsAction(_prev: SettingsState, fd: FormData): Promise<SettingsState> {
  const values = Object.fromEntries([...formDataOf(fd).entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  return runAction({ name: "save-settings", values, revalidate: ["/admin/settings", "/compliance"] }, async ({ db, viewer }) => {
    // The version the form showed: another admin's save since then is not overwritten.
    const version = Number(values.version);
    await updateSettings(db, viewer, values, new Date(), Number.isInteger(version) ? version : undefined);
    return "Settings saved. Deadlines of periods that have not ended follow the new rule.";
  });
}
