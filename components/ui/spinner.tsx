import { clsx } from "clsx";

export interface SpinnerProps {
  size?: "sm" | "md" | "lg";
  /** Text for screen readers; omit when the surrounding text already says what is happening. */
  label?: string;
  className?: string;
}

const sizes = { sm: "size-3.5", md: "size-5", lg: "size-8" } as const;

export function Spinner({ size = "md", label, className }: SpinnerProps) {
  return (
    <>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        className={clsx("shrink-0 animate-spin", sizes[size], className)}
      >
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </>
  );
}
