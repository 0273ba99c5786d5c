import { Fragment, isValidElement, type ComponentPropsWithoutRef, type CSSProperties, type ReactElement, type ReactNode } from "react";
import { clsx } from "clsx";

export interface TableProps extends ComponentPropsWithoutRef<"table"> {
  /** Keeps the header row visible while the table scrolls inside its container. */
  stickyHeader?: boolean;
  /** Height limit of the scroll container (CSS length), default "70vh" with `stickyHeader`. */
  maxHeight?: string;
  /** Accessible name of the scroll region (and the table, unless it has a `<caption>`). */
  label?: string;
  /** Visible or screen-reader-only caption. */
  caption?: ReactNode;
  captionHidden?: boolean;
  containerClassName?: string;
}

/**
 * A dense data table in a bordered, scrollable container. The container is focusable so keyboard
 * users can scroll wide tables.
 */
export function Table({
  stickyHeader = false,
  maxHeight,
  label,
  caption,
  captionHidden = false,
  containerClassName,
  className,
  children,
  ...rest
}: TableProps) {
  const height = maxHeight ?? (stickyHeader ? "70vh" : undefined);
  const style: CSSProperties | undefined = height ? { maxHeight: height } : undefined;
  return (
    <div
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={0}
      style={style}
      className={clsx(
        "relative overflow-auto rounded-lg border border-slate-200 bg-white shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2",
        containerClassName,
      )}
    >
      <table
        aria-label={caption ? undefined : label}
        className={clsx(
          "w-full border-separate border-spacing-0 text-left text-sm",
          stickyHeader && "[&_thead_th]:sticky [&_thead_th]:top-0 [&_thead_th]:z-10",
          className,
        )}
        {...rest}
      >
        {caption ? (
          <caption className={clsx(captionHidden ? "sr-only" : "px-3 py-2 text-left text-xs text-slate-600")}>{caption}</caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...rest }: ComponentPropsWithoutRef<"thead">) {
  return (
    <thead
      className={clsx(
        "[&_th]:border-b [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:text-xs [&_th]:font-medium [&_th]:text-slate-600",
        className,
      )}
      {...rest}
    />
  );
}

export function TBody({ className, ...rest }: ComponentPropsWithoutRef<"tbody">) {
  return <tbody className={clsx("[&>tr:last-child>*]:border-b-0", className)} {...rest} />;
}

export function TFoot({ className, ...rest }: ComponentPropsWithoutRef<"tfoot">) {
  return <tfoot className={clsx("bg-slate-50 font-semibold [&_td]:border-t [&_td]:border-slate-300 [&>tr:last-child>*]:border-b-0", className)} {...rest} />;
}

export interface TRProps extends ComponentPropsWithoutRef<"tr"> {
  /** Highlights the row (e.g. the one open in a side panel); say it in text too, colour is not enough. */
  selected?: boolean;
}

export function TR({ selected, className, ...rest }: TRProps) {
  return (
    <tr
      data-selected={selected || undefined}
      className={clsx(selected ? "bg-indigo-50/70" : "hover:bg-slate-50", className)}
      {...rest}
    />
  );
}

export interface CellProps {
  /** Right-aligned, tabular figures, no wrapping. */
  numeric?: boolean;
}

export function TH({ numeric, className, scope = "col", ...rest }: ComponentPropsWithoutRef<"th"> & CellProps) {
  return (
    <th
      scope={scope}
      className={clsx(
        "border-b border-slate-100 px-3 py-2 font-medium whitespace-nowrap text-slate-900",
        numeric ? "text-right tabular-nums" : "text-left",
        className,
      )}
      {...rest}
    />
  );
}

/** A column of a header row: its heading text, `numeric(text)` for figures, a heading element of its own, or nothing (a column not shown). */
export type Column = string | { label: ReactNode; numeric: true } | ReactElement | null | false;

/** The heading of a column of figures: right-aligned like its cells. */
export const numeric = (label: ReactNode): Column => ({ label, numeric: true });

/** The heading of a column whose cells speak for themselves (links, a button), named for screen readers only. */
export const unseenHead = (label: string): Column => (
  <TH>
    <span className="sr-only">{label}</span>
  </TH>
);

/** A table's header: one row of column headings, in order. */
export function HeadRow({ columns, className }: { columns: readonly Column[]; className?: string }) {
  return (
    <THead className={className}>
      <tr>
        {columns.map((c, i) => {
          if (c === null || c === false) return null;
          if (isValidElement(c)) return <Fragment key={i}>{c}</Fragment>;
          return typeof c === "string" ? <TH key={i}>{c}</TH> : <TH key={i} numeric>{c.label}</TH>;
        })}
      </tr>
    </THead>
  );
}

/** The heading of a column of row actions, named for screen readers only. */
export function ActionsHead() {
  return (
    <TH className="text-right">
      <span className="sr-only">Actions</span>
    </TH>
  );
}

export function TD({ numeric, className, ...rest }: ComponentPropsWithoutRef<"td"> & CellProps) {
  return (
    <td
      className={clsx(
        "border-b border-slate-100 px-3 py-2 align-middle text-slate-800",
        numeric && "text-right whitespace-nowrap tabular-nums",
        className,
      )}
      {...rest}
    />
  );
}
