import { redirect } from "next/navigation";

/** Settings has one page for now. */
export default function SettingsPage() {
  redirect("/settings/tokens");
}
