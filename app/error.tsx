"use client";

import { useEffect } from "react";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";

function digestOf(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "digest" in error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest) return digest;
  }
  return undefined;
}

/** Never shows the error's message: it may hold internals. The digest matches the server log. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
        <p className="mt-2 text-sm text-slate-600">
          This page could not be shown. Try again, or go back to the home page. If it keeps happening, quote the reference below.
        </p>
        {digest ? (
          <p className="mt-3 text-xs text-slate-600">
            Reference: <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-slate-800">{digest}</code>
          </p>
        ) : null}
        <div className="mt-6 flex justify-center gap-2">
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/" className={buttonClasses({ variant: "secondary" })}>
            Go to the home page
          </Link>
        </div>
      </div>
    </main>
  );
}
