import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer, landingPath } from "@/lib/auth/current-viewer";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  if (viewer) redirect(landingPath(viewer));

  const raw = (await searchParams).from;
  const from = typeof raw === "string" ? raw : undefined;

  return (
    <AuthFrame>
      <SignInForm action={signInAction} from={from} />
    </AuthFrame>
  );
}
