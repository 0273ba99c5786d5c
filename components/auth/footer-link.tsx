import type { ReactNode } from "react";
import Link from "next/link";

/** The link under a sign-in screen's form ("Forgot password?", "Back to sign in"). */
export function FooterLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="text-center text-sm">
      <Link href={href} className="font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
        {children}
      </Link>
    </p>
  );
}
