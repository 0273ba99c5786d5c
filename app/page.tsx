import { redirect } from "next/navigation";
import { getViewer, landingPath } from "@/lib/auth/current-viewer";

/** The front door: straight to the viewer's home, or to sign in. */
export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer ? landingPath(viewer) : "/sign-in");
}
