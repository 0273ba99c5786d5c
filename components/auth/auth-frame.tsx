import type { ReactNode } from "react";
import { Wordmark } from "@/components/shell/wordmark";

/** The centred card of the signed-out pages: product name, one-line purpose, then the form. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="rounded-xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-8">
          <div className="mb-6 text-center">
            <h1 className="flex justify-center">
              <Wordmark size="lg" />
            </h1>
            <p className="mt-3 text-sm text-slate-600">
              Monthly POS and inventory reporting for Halcyon Semiconductor partners
            </p>
          </div>
          {children}
        </div>
        <p className="mt-6 text-center text-xs text-slate-600">
          Trouble signing in? Ask your Halcyon channel manager to check your account.
        </p>
      </div>
    </main>
  );
}
