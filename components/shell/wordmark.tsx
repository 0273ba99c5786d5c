import { clsx } from "clsx";

/** The Sellthru mark and name. Decorative mark; the text carries the name. */
export function Wordmark({ className, size = "md" }: { className?: string; size?: "md" | "lg" }) {
  return (
    <span className={clsx("inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900", className)}>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={clsx("shrink-0", size === "lg" ? "size-8" : "size-6")}
      >
        <rect width="24" height="24" rx="6" className="fill-indigo-600" />
        <path d="M6 16.5h3.2V11H6zM10.4 16.5h3.2V7.5h-3.2zM14.8 16.5H18V13h-3.2z" className="fill-white" />
      </svg>
      <span className={size === "lg" ? "text-xl" : "text-[15px]"}>Sellthru</span>
    </span>
  );
}
