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

/** The manufacturer's deadline and reminder settings (admin). */
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
});

export type SettingsInput = z.infer<typeof settingsSchema>;
