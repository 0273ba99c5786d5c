import { z } from "zod";

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} is at least ${min}`)
    .max(max, `${label} is at most ${max}`);

/** A whole number, or absent (undefined, or an empty form field) for "leave as it is". */
const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), int(label, min, max).optional());

/** The manufacturer's deadline, reminder and submission-check settings (admin). */
export const settingsSchema = z.object({
  dueDay: int("Due day", 1, 28),
  timeZone: z
    .string()
    .trim()
    .min(1, "Time zone is required")
    .max(64)
    .refine(isTimeZone, "Not a time zone this server knows; use an IANA name such as Europe/Berlin or America/Chicago"),
  graceDays: int("Grace days", 0, 30),
  reminderDaysBefore: int("Reminder days before", 0, 14),
  /** Refuse X12 files whose sender IDs are another distributor's (else: read, with a warning). Absent = unchanged. */
  refuseOtherSender: z.preprocess(
    (v) => (v === true || v === "on" || v === "true" ? true : v === false || v === "off" || v === "false" ? false : v === undefined || v === "" ? undefined : v),
    z.boolean({ error: "Refuse other senders is on or off" }).optional(),
  ),
  // The submission check's limits (lib/domain/submission-checks.ts). Absent = unchanged.
  /** "Differs from our calculation": |gap| from this many units … */
  gapUnitsThreshold: optionalInt("Mismatch units", 1, 100_000),
  /** … or from this % of the calculated stock. */
  gapPctThreshold: optionalInt("Mismatch %", 1, 100),
  /** "Far from your usual sales": more than this many times the median of the last 6 periods … */
  outlierFactor: optionalInt("Outlier factor", 2, 20),
  /** … and at least this many units above it. */
  outlierMinUnits: optionalInt("Outlier minimum units", 1, 100_000),
});

export type SettingsInput = z.infer<typeof settingsSchema>;
