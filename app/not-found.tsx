import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { AppShell } from "@/components/shell/app-shell";
import { getViewer, landingPath } from "@/lib/auth/current-viewer";

export const metadata: Metadata = { title: "Not found" };

function Message({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <p className="text-sm font-semibold text-indigo-700 tabular-nums">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is no page at this address, or you do not have access to it.</p>
      {children}
    </div>
  );
}

/**
 * Signed in: inside the app shell, so the navigation still works. Signed out (or the session could
 * not be read): a plain page with a way to sign in.
 */
export default async function NotFound() {
  const viewer = await getViewer().catch(() => null);
  if (viewer) {
    return (
      <AppShell viewer={viewer}>
        <Message>
          <Link href={landingPath(viewer)} className={buttonClasses({ className: "mt-6" })}>
            Go to the home page
          </Link>
        </Message>
      </AppShell>
    );
  }
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <Message>
        <Link href="/sign-in" className={buttonClasses({ className: "mt-6" })}>
          Sign in
        </Link>
      </Message>
    </main>
  );
}
