import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** Inside the portal: a period or revision that does not exist, or is not this distributor's. */
export default function HistoryNotFound() {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <p className="text-sm font-semibold text-indigo-700 tabular-nums">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is no such period or revision, or you do not have access to it.</p>
      <Link href="/history" className={buttonClasses({ className: "mt-6" })}>
        Back to history
      </Link>
    </div>
  );
}
