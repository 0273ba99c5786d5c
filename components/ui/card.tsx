import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { clsx } from "clsx";

/** A white panel with a hairline border. */
export function Card({ className, ...rest }: ComponentPropsWithoutRef<"div">) {
  return <div className={clsx("rounded-lg border border-slate-200 bg-white shadow-xs", className)} {...rest} />;
}

export interface CardHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links on the right. */
  actions?: ReactNode;
  /** Heading level of the title (default h2). */
  as?: "h2" | "h3";
  className?: string;
}

export function CardHeader({ title, description, actions, as: Heading = "h2", className }: CardHeaderProps) {
  return (
    <div className={clsx("flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3", className)}>
      <div className="min-w-0">
        <Heading className="text-sm font-semibold text-slate-900">{title}</Heading>
        {description ? <p className="mt-0.5 text-xs text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...rest }: ComponentPropsWithoutRef<"div">) {
  return <div className={clsx("px-4 py-4", className)} {...rest} />;
}

export function CardFooter({ className, ...rest }: ComponentPropsWithoutRef<"div">) {
  return (
    <div
      className={clsx("flex items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-4 py-3", className)}
      {...rest}
    />
  );
}
