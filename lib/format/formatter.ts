/**
 * One place that turns numbers, dates, periods and money into text for people, in a user's locale
 * and time zone. Pure and Intl-based (no React, no I/O), so server pages, client components, exports
 * and tests format the same way. Machine formats (API JSON, CSV data cells, X12) never come here.
 */
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, isTimeZone } from "./locales";

/** What a formatter is made from; the only thing serialised to the browser. */
export interface FormatSettings {
  /** BCP 47 tag, e.g. "de-DE". */
  locale: string;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
}

export const DEFAULT_FORMAT: FormatSettings = { locale: DEFAULT_LOCALE, timeZone: DEFAULT_TIME_ZONE };

type Maybe = number | null | undefined;
/** An instant (Date, epoch ms, ISO timestamp) or a calendar date "YYYY-MM-DD" (shown as that day, in no zone). */
export type DateInput = Date | string | number;

export interface NumberOptions {
  /** Fixed fraction digits (default 0). */
  digits?: number;
  /** At most this many fraction digits, as few as needed; with `digits`, at least that many. */
  maxDigits?: number;
  /** Show "+" on positive values (zero stays unsigned). */
  signed?: boolean;
}

export interface DateTimeOptions {
  /** Show seconds. */
  seconds?: boolean;
  /** Append the zone's short name ("UTC", "MEZ", "CST"). */
  zone?: boolean;
}

/** What a formatter returns for no value. */
export const NONE = "—";
const MINUS = "\u2212";

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** "1,000", "12,345.6" (grouped), and "1.2" before a per cent sign or a comparison ("24.39 ≥ 10"), as en-US writes them. */
const EN_NUMBER_IN_TEXT = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+\.\d+(?= ?[%≥≤<>])/g;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Formatter extends FormatSettings {
  readonly settings: FormatSettings;
  /** 1234.5 → "1,235" / "1.235" (0 digits unless told); "—" for no value; a real minus sign. */
  number(value: Maybe, opts?: NumberOptions): string;
  /** A count or quantity: an integer with grouping ("1.234"). */
  int(value: Maybe, opts?: { signed?: boolean }): string;
  /** A quantity as typed, up to 3 fraction digits ("1.234,5"). */
  decimal(value: Maybe, maxDigits?: number): string;
  /** A fraction as a percentage: 0.2 → "20.0%" / "20,0 %" (1 digit unless told). */
  percent(fraction: Maybe, opts?: NumberOptions): string;
  /** A value already in percent, with a spaced sign: 20 → "20.0 %" / "20,0 %" (1 digit unless told). */
  pct(value: Maybe, opts?: NumberOptions): string;
  /** Money in an ISO 4217 currency: (1234.5, "EUR") → "€1,234.50" / "1.234,50 €". */
  money(amount: Maybe | string, currency: string, opts?: { digits?: number }): string;
  /** Bytes as "12 KB" / "1.5 MB". */
  bytes(n: Maybe): string;
  /** A day: "Dec 3, 2026" / "3. Dez. 2026". Calendar dates ("YYYY-MM-DD") are not shifted by the zone. */
  date(input: DateInput | null | undefined): string;
  /** A day without the year, for compact cells: "Dec 3" / "3. Dez.". */
  dayMonth(input: DateInput | null | undefined): string;
  /** A day with its weekday: "Thu, Dec 3, 2026" / "Do., 3. Dez. 2026". */
  weekdayDate(input: DateInput | null | undefined): string;
  /** A day and time in the user's zone: "Dec 3, 2026, 09:15 AM" / "3. Dez. 2026, 09:15". */
  dateTime(input: DateInput | null | undefined, opts?: DateTimeOptions): string;
  /** A time of day in the user's zone: "09:15 AM" / "09:15". */
  time(input: DateInput | null | undefined, opts?: DateTimeOptions): string;
  /** A period "YYYY-MM": "Dec 2026" / "Dez. 2026". Anything else is returned as it is. */
  period(p: string): string;
  /** A period for chart ticks: "Dec 26" / "Dez. 26". */
  periodShort(p: string): string;
  /** "in 3 days", "yesterday", "vor 2 Tagen". */
  relativeDays(days: number): string;
  /**
   * A sentence our own code wrote with en-US numbers (a check's message, a rebate reason: "received
   * 1,000", "error 1.2 %"), its grouped numbers and percentages rewritten in the locale ("1.000",
   * "1,2 %"). Plain integers, periods, dates and part numbers are left alone.
   */
  message(text: string): string;
  /** "a, b and c" / "a, b und c". */
  list(items: readonly string[]): string;
}

const cache = new Map<string, Formatter>();

/** Falls back to en-US / UTC for a locale or zone the runtime does not know. */
export function normaliseSettings(s: Partial<FormatSettings> | null | undefined): FormatSettings {
  let locale = DEFAULT_LOCALE;
  if (s?.locale) {
    try {
      locale = Intl.getCanonicalLocales(s.locale)[0] ?? DEFAULT_LOCALE;
    } catch {
      locale = DEFAULT_LOCALE;
    }
  }
  const timeZone = s?.timeZone && isTimeZone(s.timeZone) ? s.timeZone : DEFAULT_TIME_ZONE;
  return { locale, timeZone };
}

/** The formatter for a locale and time zone; one per pair, its Intl instances made once. */
export function createFormatter(settings?: Partial<FormatSettings> | null): Formatter {
  const s = normaliseSettings(settings);
  const key = `${s.locale}|${s.timeZone}`;
  let f = cache.get(key);
  if (!f) {
    f = build(s);
    cache.set(key, f);
  }
  return f;
}

function build(settings: FormatSettings): Formatter {
  const { locale, timeZone } = settings;
  const numbers = new Map<string, Intl.NumberFormat>();
  const dates = new Map<string, Intl.DateTimeFormat>();

  const nf = (key: string, opts: Intl.NumberFormatOptions) => {
    let x = numbers.get(key);
    if (!x) numbers.set(key, (x = new Intl.NumberFormat(locale, opts)));
    return x;
  };
  const df = (key: string, opts: Intl.DateTimeFormatOptions) => {
    let x = dates.get(key);
    if (!x) dates.set(key, (x = new Intl.DateTimeFormat(locale, opts)));
    return x;
  };
  let rtf: Intl.RelativeTimeFormat | null = null;
  const parts = new Intl.NumberFormat(locale).formatToParts(1234.5);
  const englishSeparators = parts.find((p) => p.type === "group")?.value === "," && parts.find((p) => p.type === "decimal")?.value === ".";
  let lf: Intl.ListFormat | null = null;

  const finite = (v: Maybe): v is number => typeof v === "number" && Number.isFinite(v);
  const minus = (s: string) => s.replace("-", MINUS);

  function numberFormat(style: "decimal" | "percent", o: NumberOptions = {}, defaultDigits = 0): Intl.NumberFormat {
    const signed = !!o.signed;
    if (o.maxDigits !== undefined) {
      const min = Math.min(o.digits ?? 0, o.maxDigits);
      return nf(`${style}|${min}-${o.maxDigits}|${signed}`, {
        style,
        minimumFractionDigits: min,
        maximumFractionDigits: o.maxDigits,
        signDisplay: signed ? "exceptZero" : "negative",
      });
    }
    const d = o.digits ?? defaultDigits;
    return nf(`${style}|${d}|${signed}`, {
      style,
      minimumFractionDigits: d,
      maximumFractionDigits: d,
      signDisplay: signed ? "exceptZero" : "negative",
    });
  }

  function toDate(input: DateInput): { date: Date; calendar: boolean } | null {
    if (typeof input === "string") {
      const m = CALENDAR_DATE.exec(input);
      if (m) {
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        return Number.isNaN(d.getTime()) ? null : { date: d, calendar: true };
      }
    }
    const d = input instanceof Date ? input : new Date(input);
    return Number.isNaN(d.getTime()) ? null : { date: d, calendar: false };
  }

  const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

  function dayFormat(weekday: boolean, calendar: boolean) {
    const zone = calendar ? "UTC" : timeZone;
    return df(`day|${weekday}|${zone}`, { ...DAY, ...(weekday ? { weekday: "short" } : {}), timeZone: zone });
  }

  /** The time of day in the viewer's zone after the `day` parts (seconds and the zone's name on request); `key` names the cached format. */
  function clock(key: string, day: Intl.DateTimeFormatOptions, input: DateInput | null | undefined, opts?: DateTimeOptions) {
    const d = input == null ? null : toDate(input);
    if (!d) return NONE;
    return df(`${key}|${!!opts?.seconds}|${!!opts?.zone}`, {
      ...day,
      hour: "2-digit",
      minute: "2-digit",
      ...(opts?.seconds ? { second: "2-digit" } : {}),
      ...(opts?.zone ? { timeZoneName: "short" } : {}),
      timeZone,
    }).format(d.date);
  }

  const f: Formatter = {
    locale,
    timeZone,
    settings,
    number(value, opts) {
      return finite(value) ? minus(numberFormat("decimal", opts).format(value)) : NONE;
    },
    int(value, opts) {
      return finite(value) ? minus(numberFormat("decimal", { digits: 0, signed: opts?.signed }).format(value)) : NONE;
    },
    decimal(value, maxDigits = 3) {
      return finite(value) ? minus(numberFormat("decimal", { maxDigits }).format(value)) : NONE;
    },
    percent(fraction, opts) {
      return finite(fraction) ? minus(numberFormat("percent", opts, 1).format(fraction)) : NONE;
    },
    pct(value, opts) {
      return finite(value) ? `${minus(numberFormat("decimal", opts, 1).format(value))} %` : NONE;
    },
    money(amount, currency, opts) {
      // Exact decimal text ("4604.58", money kept as numeric) is formatted without going through a float.
      const value = typeof amount === "string" ? (/^-?\d+(\.\d+)?$/.test(amount.trim()) ? (amount.trim() as Intl.StringNumericLiteral) : null) : amount;
      if (value === null || (typeof value === "number" && !Number.isFinite(value)) || value === undefined) return NONE;
      const code = /^[A-Z]{3}$/.test(currency) ? currency : "USD";
      const key = `money|${code}|${opts?.digits ?? ""}`;
      let x = numbers.get(key);
      if (!x) {
        x = new Intl.NumberFormat(locale, {
          style: "currency",
          currency: code,
          ...(opts?.digits !== undefined ? { minimumFractionDigits: opts.digits, maximumFractionDigits: opts.digits } : {}),
        });
        numbers.set(key, x);
      }
      return minus(x.format(value));
    },
    bytes(n) {
      if (!finite(n)) return NONE;
      if (n < 1024 * 1024) return `${f.number(Math.max(1, Math.round(n / 1024)))} KB`;
      return `${f.number(n / 1024 / 1024, { maxDigits: 1 })} MB`;
    },
    date(input) {
      const d = input == null ? null : toDate(input);
      return d ? dayFormat(false, d.calendar).format(d.date) : NONE;
    },
    dayMonth(input) {
      const d = input == null ? null : toDate(input);
      if (!d) return NONE;
      const zone = d.calendar ? "UTC" : timeZone;
      return df(`dm|${zone}`, { day: "numeric", month: "short", timeZone: zone }).format(d.date);
    },
    weekdayDate(input) {
      const d = input == null ? null : toDate(input);
      return d ? dayFormat(true, d.calendar).format(d.date) : NONE;
    },
    dateTime(input, opts) {
      return clock("dt", DAY, input, opts);
    },
    time(input, opts) {
      return clock("t", {}, input, opts);
    },
    period(p) {
      const m = PERIOD.exec(p);
      if (!m) return p;
      return df("period", { month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    },
    periodShort(p) {
      const m = PERIOD.exec(p);
      if (!m) return p;
      return df("periodShort", { month: "short", year: "2-digit", timeZone: "UTC" }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    },
    relativeDays(days) {
      rtf ??= new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
      return rtf.format(days, "day");
    },
    message(text) {
      if (englishSeparators) return text;
      return text.replace(EN_NUMBER_IN_TEXT, (m) => {
        const digits = (m.split(".")[1] ?? "").length;
        return f.number(Number(m.replace(/,/g, "")), { digits });
      });
    },
    list(items) {
      lf ??= new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
      return lf.format(items);
    },
  };
  return f;
}
