import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-700 tabular-nums">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Not found</h1>
        <p className="mt-2 text-sm text-slate-600">
          There is no page at this address, or you do not have access to it.
        </p>
        <Link href="/" className={buttonClasses({ className: "mt-6" })}>
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
