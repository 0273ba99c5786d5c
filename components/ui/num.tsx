import { clsx } from "clsx";

export interface NumProps {
  value: number | null | undefined;
  /** Always show the sign: +60, −60, 0. */
  signed?: boolean;
  /** `value` is a fraction shown as a percentage: 0.2 → 20.0 %. */
  pct?: boolean;
  /** Fraction digits (default 0; 1 with `pct`). */
  digits?: number;
  /** "right" (default, for tables) renders a right-aligned block; "inherit" stays inline, e.g. in a sentence. */
  align?: "right" | "inherit";
  className?: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(pct: boolean, digits: number, signed: boolean): Intl.NumberFormat {
  const key = `${pct}|${digits}|${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, {
      style: pct ? "percent" : "decimal",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? "exceptZero" : "negative",
    });
    formatters.set(key, f);
  }
  return f;
}

/** Formats a number in the user's locale, with a real minus sign (−), or "—" for no value. */
export function formatNum(value: number | null | undefined, opts: Pick<NumProps, "signed" | "pct" | "digits"> = {}): string | null {
  if (value == null || !Number.isFinite(value)) return null;
  const { pct = false, signed = false, digits = pct ? 1 : 0 } = opts;
  return formatter(pct, digits, signed).format(value).replace("-", "\u2212");
}

/** A number for tables and stats: tabular figures, right-aligned, "—" when there is no value. */
export function Num({ value, signed, pct, digits, align = "right", className }: NumProps) {
  const text = formatNum(value, { signed, pct, digits });
  const cls = clsx("tabular-nums", align === "right" && "block text-right", className);
  if (text === null) {
    return (
      <span className={clsx(cls, "text-slate-500")}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">no value</span>
      </span>
    );
  }
  // Server and browser locales can differ; the server's rendering is kept until the next render.
  return (
    <span className={cls} suppressHydrationWarning>
      {text}
    </span>
  );
}
