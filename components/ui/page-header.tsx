import type { ReactNode } from "react";
import { clsx } from "clsx";

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links, right-aligned on wide screens. */
  actions?: ReactNode;
  /** Extra line under the description: badges, period, due date… */
  children?: ReactNode;
  className?: string;
}

/** The page's one `<h1>`, with an optional description and actions. */
export function PageHeader({ title, description, actions, children, className }: PageHeaderProps) {
  return (
    <header className={clsx("mb-6 flex flex-wrap items-start justify-between gap-x-6 gap-y-3", className)}>
      <div className="min-w-0 space-y-1">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="max-w-3xl text-sm text-slate-600">{description}</p> : null}
        {children ? <div className="flex flex-wrap items-center gap-2 pt-1">{children}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
